using Microsoft.EntityFrameworkCore;
using UserMessages.Domain;

namespace UserMessages.Storage;

/// <summary>The host's context seen through the UserMessages sets, with its <see cref="DbContext"/> for transactions.</summary>
internal sealed class UserMessagesDb(DbContext context)
{
    public DbContext Context { get; } = context;

    public DbSet<MessageThread> Threads => Context.Set<MessageThread>();

    public DbSet<Message> Messages => Context.Set<Message>();

    public DbSet<ThreadParticipant> Participants => Context.Set<ThreadParticipant>();

    public DbSet<UserBlock> Blocks => Context.Set<UserBlock>();

    public DbSet<MessagingPreferences> Preferences => Context.Set<MessagingPreferences>();

    public DbSet<PendingNotification> PendingNotifications => Context.Set<PendingNotification>();

    public DbSet<MailboxCounter> Counters => Context.Set<MailboxCounter>();
}
