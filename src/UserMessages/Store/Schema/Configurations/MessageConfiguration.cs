using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using UserMessages.Domain;

namespace UserMessages.Storage;

internal sealed class MessageConfiguration(UserMessagesStoreOptions options) : IEntityTypeConfiguration<Message>
{
    public void Configure(EntityTypeBuilder<Message> builder)
    {
        var table = options.TablePrefix + "Messages";
        builder.ToTable(table, options.Schema);
        builder.HasKey(m => m.Id).HasName("PK_" + table);
        builder.Property(m => m.SenderId).IsRequired().HasMaxLength(UserIdColumn.For(builder.Metadata.Model));
        builder.Property(m => m.SentAt).HasConversion<UtcDateTimeConverter>();
        builder.Property(m => m.EditedAt).HasConversion<UtcDateTimeConverter>();
        builder.Property(m => m.Content).IsRequired();
        builder.Property(m => m.AboutUserId).HasMaxLength(UserIdColumn.For(builder.Metadata.Model));
        builder.HasOne(m => m.Thread).WithMany(t => t.Messages).HasForeignKey(m => m.ThreadId)
            .HasConstraintName("FK_" + table + "_Thread").OnDelete(DeleteBehavior.Cascade);

        // A thread page reads one thread's messages in date order, a page at a time.
        builder.HasIndex(m => new { m.ThreadId, m.SentAt, m.Id }).HasDatabaseName("IX_" + table + "_Thread_SentAt");

        // Sending limits count a user's recent messages; export and erase find them.
        builder.HasIndex(m => new { m.SenderId, m.SentAt }).HasDatabaseName("IX_" + table + "_Sender_SentAt");

        // Search, on PostgreSQL: the words of every message, stored (search reads them thread by thread too).
        FullTextIndex.AddStored(builder, nameof(Message.Content), "IX_" + table + "_Content_FullText", options.TextSearchConfiguration);
    }
}
