using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using UserMessages.Domain;

namespace UserMessages.Storage;

internal sealed class MessageReportConfiguration(UserMessagesStoreOptions options) : IEntityTypeConfiguration<MessageReport>
{
    public void Configure(EntityTypeBuilder<MessageReport> builder)
    {
        var table = options.TablePrefix + "Reports";
        var userId = UserIdColumn.For(builder.Metadata.Model);
        builder.ToTable(table, options.Schema);
        builder.HasKey(r => r.Id).HasName("PK_" + table);
        builder.Property(r => r.ReporterId).HasMaxLength(userId);
        builder.Property(r => r.SenderId).IsRequired().HasMaxLength(userId);
        builder.Property(r => r.ResolvedById).HasMaxLength(userId);
        builder.Property(r => r.Note).HasMaxLength(MessageReport.MaxNoteLength);
        builder.Property(r => r.MessageContent).IsRequired();
        builder.Property(r => r.ReportedAt).HasConversion<UtcDateTimeConverter>();
        builder.Property(r => r.ResolvedAt).HasConversion<UtcDateTimeConverter>();

        // A report goes with its message (the retention purge, an erased sender).
        builder.HasOne<Message>().WithMany().HasForeignKey(r => r.MessageId)
            .HasConstraintName("FK_" + table + "_Message").OnDelete(DeleteBehavior.Cascade);

        // A person reports a message once (an erased reporter's reports keep no id, so they never collide).
        builder.HasIndex(r => new { r.MessageId, r.ReporterId }).IsUnique().HasDatabaseName("IX_" + table + "_Message_Reporter");

        // The queue: open reports, newest first.
        builder.HasIndex(r => new { r.Status, r.Id }).HasDatabaseName("IX_" + table + "_Status");

        // The reporter's rate limit, export and erase.
        builder.HasIndex(r => new { r.ReporterId, r.ReportedAt }).HasDatabaseName("IX_" + table + "_Reporter_ReportedAt");
    }
}
