using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using UserMessages.Domain;

namespace UserMessages.Storage;

internal sealed class HeldMessageConfiguration(UserMessagesStoreOptions options) : IEntityTypeConfiguration<HeldMessage>
{
    public void Configure(EntityTypeBuilder<HeldMessage> builder)
    {
        var table = options.TablePrefix + "HeldMessages";
        builder.ToTable(table, options.Schema);
        builder.HasKey(h => h.Id).HasName("PK_" + table);
        builder.Property(h => h.SenderId).IsRequired().HasMaxLength(UserIdColumn.For(builder.Metadata.Model));
        builder.Property(h => h.Subject).HasMaxLength(MessageThread.MaxSubjectLength);
        builder.Property(h => h.About).HasMaxLength(MessageThread.MaxAboutLength);
        builder.Property(h => h.Content).IsRequired();
        builder.Property(h => h.Reason).IsRequired().HasMaxLength(MessagingSuspension.MaxReasonLength);
        builder.Property(h => h.HeldAt).HasConversion<UtcDateTimeConverter>();

        // What a sender has waiting (their thread page, their Sent folder, export and erase).
        builder.HasIndex(h => new { h.SenderId, h.ThreadId }).HasDatabaseName("IX_" + table + "_Sender_Thread");
    }
}
