using Microsoft.EntityFrameworkCore;
using UserMessages.Domain;
using UserMessages.Storage;

namespace UserMessages.Tests.Storage;

/// <summary>An app's own context, not an Identity one, that adds the messaging tables under its own prefix.</summary>
public sealed class HostDbContext(DbContextOptions<HostDbContext> options) : MessagesOnlyContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
        => modelBuilder.UseUserMessages(new UserMessagesStoreOptions { TablePrefix = "Pm" });
}

/// <summary>A host's own context with the messaging tables only; the derived context says how it adds them.</summary>
public abstract class MessagesOnlyContext(DbContextOptions options) : DbContext(options), IUserMessagesDbContext
{
    public DbSet<MessageThread> MessageThreads => Set<MessageThread>();

    public DbSet<Message> Messages => Set<Message>();

    public DbSet<ThreadParticipant> ThreadParticipants => Set<ThreadParticipant>();

    public DbSet<UserBlock> UserBlocks => Set<UserBlock>();

    public DbSet<MessagingPreferences> MessagingPreferences => Set<MessagingPreferences>();

    public DbSet<PendingNotification> PendingNotifications => Set<PendingNotification>();

    public DbSet<MailboxCounter> MailboxCounters => Set<MailboxCounter>();
}
