using Microsoft.EntityFrameworkCore;
using UserMessages.Domain;

namespace UserMessages.Store;

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

    public DbSet<MessageReport> Reports => Context.Set<MessageReport>();

    public DbSet<MessagingSuspension> Suspensions => Context.Set<MessagingSuspension>();

    public DbSet<ModerationLogEntry> ModerationLog => Context.Set<ModerationLogEntry>();

    public DbSet<HeldMessage> HeldMessages => Context.Set<HeldMessage>();

    public DbSet<MessageEdit> Edits => Context.Set<MessageEdit>();

    public DbSet<MessageAttachment> Attachments => Context.Set<MessageAttachment>();

    /// <summary>Opens the context's connection for the several statements of one operation (one open instead of one per statement), until the result is disposed.</summary>
    public async Task<OpenConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await Context.Database.OpenConnectionAsync(cancellationToken);
        return new OpenConnection(Context);
    }
}

/// <summary>A context's connection, open until disposed (EF Core counts the opens: it closes only after its own open).</summary>
internal readonly struct OpenConnection(DbContext context) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => new(context.Database.CloseConnectionAsync());
}
