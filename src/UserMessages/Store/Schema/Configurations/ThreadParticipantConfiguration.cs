using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using UserMessages.Domain;

namespace UserMessages.Storage;

internal sealed class ThreadParticipantConfiguration(UserMessagesStoreOptions options) : IEntityTypeConfiguration<ThreadParticipant>
{
    /// <summary>The shadow column that says whether the row is counted in its user's <see cref="MailboxCounter"/>.</summary>
    public const string CountedUnread = nameof(CountedUnread);

    public void Configure(EntityTypeBuilder<ThreadParticipant> builder)
    {
        var table = options.TablePrefix + "Participants";
        builder.ToTable(table, options.Schema);
        builder.HasKey(p => new { p.ThreadId, p.UserId }).HasName("PK_" + table);
        builder.Property(p => p.UserId).HasMaxLength(UserIdColumn.For(builder.Metadata.Model));
        builder.Property(p => p.LatestMessageAt).HasConversion<UtcDateTimeConverter>();
        builder.Property(p => p.JoinedAt).HasConversion<UtcDateTimeConverter>();
        builder.Property(p => p.StateChangedAt).HasConversion<UtcDateTimeConverter>();
        builder.Property<bool>(ThreadParticipantConfiguration.CountedUnread);
        builder.HasOne(p => p.Thread).WithMany(t => t.Participants).HasForeignKey(p => p.ThreadId)
            .HasConstraintName("FK_" + table + "_Thread").OnDelete(DeleteBehavior.Cascade);

        // Inbox, Archive and Trash: one user's rows in one state, newest activity first (keyset paging).
        builder.HasIndex(p => new { p.UserId, p.State, p.LatestMessageAt, p.ThreadId })
            .HasDatabaseName("IX_" + table + "_Folder");

        // Sent: one user's threads they wrote in, in date order (the state is checked on the rows read).
        builder.HasIndex(p => new { p.UserId, p.HasSent, p.LatestMessageAt, p.ThreadId })
            .HasDatabaseName("IX_" + table + "_Sent");

        // Search: all of one user's threads in date order, read until a page of them matches (the state
        // last, so PostgreSQL counts the threads search reads one by one from the index alone).
        builder.HasIndex(p => new { p.UserId, p.LatestMessageAt, p.ThreadId, p.State })
            .HasDatabaseName("IX_" + table + "_Latest");

        // Retention: threads whose participants all left or deleted them long ago.
        builder.HasIndex(p => new { p.State, p.StateChangedAt })
            .HasDatabaseName("IX_" + table + "_State");
    }
}
