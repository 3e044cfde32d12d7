using Microsoft.EntityFrameworkCore;
using UserMessages.Domain;

namespace UserMessages.Storage;

/// <summary>
/// Implemented by the host's own <see cref="DbContext"/> when it keeps its own context rather than
/// deriving from <c>UserMessagesIdentityDbContext</c> (package UserMessages.Identity); call
/// <c>modelBuilder.UseUserMessages(this)</c> (<see cref="UserMessagesModelBuilderExtensions"/>) from its <c>OnModelCreating</c>.
/// </summary>
public interface IUserMessagesDbContext
{
    /// <summary>The message threads.</summary>
    DbSet<MessageThread> MessageThreads { get; }

    /// <summary>The messages.</summary>
    DbSet<Message> Messages { get; }

    /// <summary>The per-user thread state rows.</summary>
    DbSet<ThreadParticipant> ThreadParticipants { get; }

    /// <summary>Who blocked whom.</summary>
    DbSet<UserBlock> UserBlocks { get; }

    /// <summary>Per-user messaging settings.</summary>
    DbSet<MessagingPreferences> MessagingPreferences { get; }

    /// <summary>Messages recipients are still to be notified of.</summary>
    DbSet<PendingNotification> PendingNotifications { get; }

    /// <summary>Each user's unread-thread count (the unread badge).</summary>
    DbSet<MailboxCounter> MailboxCounters { get; }
}
