using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using UserMessages.Domain;

namespace UserMessages.Storage;

internal sealed class ModerationLogEntryConfiguration(UserMessagesStoreOptions options) : IEntityTypeConfiguration<ModerationLogEntry>
{
    public void Configure(EntityTypeBuilder<ModerationLogEntry> builder)
    {
        var table = options.TablePrefix + "ModerationLog";
        var userId = UserIdColumn.For(builder.Metadata.Model);
        builder.ToTable(table, options.Schema);
        builder.HasKey(e => e.Id).HasName("PK_" + table);
        builder.Property(e => e.ModeratorId).IsRequired().HasMaxLength(userId);
        builder.Property(e => e.UserId).HasMaxLength(userId);
        builder.Property(e => e.Note).HasMaxLength(MessagingSuspension.MaxReasonLength);
        builder.Property(e => e.At).HasConversion<UtcDateTimeConverter>();
        builder.Property(e => e.EndsAt).HasConversion<UtcDateTimeConverter>();

        // Export and erase find the entries about a user (the log is read newest first by its key).
        builder.HasIndex(e => e.UserId).HasDatabaseName("IX_" + table + "_User");
    }
}
