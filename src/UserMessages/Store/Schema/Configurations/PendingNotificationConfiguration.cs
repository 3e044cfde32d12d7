using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using UserMessages.Domain;

namespace UserMessages.Storage;

internal sealed class PendingNotificationConfiguration(UserMessagesStoreOptions options) : IEntityTypeConfiguration<PendingNotification>
{
    /// <summary>
    /// A shadow column: whether the row waits for its recipient's quiet period (their newest row)
    /// rather than for its own deadline; a new message finds that row by index, not by reading the
    /// recipient's whole queue.
    /// </summary>
    public const string AwaitsQuiet = nameof(AwaitsQuiet);

    public void Configure(EntityTypeBuilder<PendingNotification> builder)
    {
        var table = options.TablePrefix + "PendingNotifications";
        builder.ToTable(table, options.Schema);
        builder.HasKey(n => n.Id).HasName("PK_" + table);
        builder.Property(n => n.RecipientId).IsRequired().HasMaxLength(UserIdColumn.For(builder.Metadata.Model));
        builder.Property(n => n.DueAt).HasConversion<UtcDateTimeConverter>();
        builder.Property(n => n.DeadlineAt).HasConversion<UtcDateTimeConverter>();

        // The digest job takes the recipients whose quiet period is over, then all their rows.
        builder.HasIndex(n => n.DueAt).HasDatabaseName("IX_" + table + "_DueAt");
        builder.HasIndex(n => new { n.RecipientId, n.ThreadId }).HasDatabaseName("IX_" + table + "_Recipient");
        builder.Property<bool>(AwaitsQuiet);
        builder.HasIndex(nameof(PendingNotification.RecipientId), AwaitsQuiet).HasDatabaseName("IX_" + table + "_AwaitsQuiet");
    }
}
