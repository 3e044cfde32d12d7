using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using UserMessages.Domain;

namespace UserMessages.Storage.Configurations;

internal sealed class ThreadParticipantConfiguration(UserMessagesStoreOptions options) : IEntityTypeConfiguration<ThreadParticipant>
{
    public void Configure(EntityTypeBuilder<ThreadParticipant> builder)
    {
        var table = options.TablePrefix + "Participants";
        builder.ToTable(table, options.Schema);
        builder.HasKey(p => new { p.ThreadId, p.UserId }).HasName("PK_" + table);
        builder.Property(p => p.UserId).HasMaxLength(UserIdColumn.MaxLength);
        builder.Property(p => p.LatestMessageAt).HasConversion<UtcDateTimeConverter>();
        builder.Property(p => p.JoinedAt).HasConversion<UtcDateTimeConverter>();
        builder.HasOne(p => p.Thread).WithMany(t => t.Participants).HasForeignKey(p => p.ThreadId)
            .HasConstraintName("FK_" + table + "_Thread").OnDelete(DeleteBehavior.Cascade);

        // Inbox and Trash: one user's rows, deleted or not, newest activity first (keyset paging).
        builder.HasIndex(p => new { p.UserId, p.IsDeleted, p.LatestMessageAt, p.ThreadId })
            .HasDatabaseName("IX_" + table + "_Folder");

        // Sent: the same, restricted to threads the user wrote in.
        builder.HasIndex(p => new { p.UserId, p.HasSent, p.IsDeleted, p.LatestMessageAt, p.ThreadId })
            .HasDatabaseName("IX_" + table + "_Sent");

        // Unread count: a range of unread, non-deleted rows of one user.
        builder.HasIndex(p => new { p.UserId, p.IsDeleted, p.IsUnread })
            .HasDatabaseName("IX_" + table + "_Unread");
    }
}
