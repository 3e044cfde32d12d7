using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UserMessages.Blocking;
using UserMessages.Domain;
using UserMessages.Notifications;
using UserMessages.Retention;
using UserMessages.Services;

namespace UserMessages.Tests.Infrastructure;

/// <summary>The mailbox steps (search, bulk, block, digest job, purge) written once, each in a fresh scope as one request would run.</summary>
public static class MailboxHostExtensions
{
    public static DateTime Now(this MessagingHost host) => host.Clock.GetUtcNow().UtcDateTime;

    public static Task<T> WithBlockListAsync<T>(this MessagingHost host, Func<IUserBlockList, Task<T>> work)
        => host.InScopeAsync(sp => work(sp.GetRequiredService<IUserBlockList>()));

    /// <summary>
    /// Arranges that <paramref name="userId"/> has blocked <paramref name="blockedUserId"/>, as after an
    /// earlier conversation between them (the block list's own rule is tested through <see cref="IUserBlockList"/>).
    /// </summary>
    public static Task BlockAsync(this MessagingHost host, string userId, string blockedUserId)
        => host.WithDbAsync(async db =>
        {
            db.UserBlocks.Add(new UserBlock { BlockerId = userId, BlockedId = blockedUserId, CreatedAt = host.Now() });
            return await db.SaveChangesAsync();
        });

    public static async Task<SearchPage> SearchAsync(this MessagingHost host, string userId, string query, PageRequest? page = null)
    {
        var result = await host.WithServiceAsync(s => s.SearchAsync(userId, query, page ?? PageRequest.Newest));
        Assert.True(result.Succeeded, $"{result.Status}: {string.Join("; ", result.Errors.Select(e => e.Code))}");
        return result.Value!;
    }

    public static Task<MessagingResult> ApplyAsync(this MessagingHost host, string userId, ThreadAction action, params long[] threadIds)
        => host.WithServiceAsync(s => s.ApplyToThreadsAsync(userId, action, threadIds));

    /// <summary>Runs the digest job once, at the fake clock's time, as the background service would.</summary>
    public static Task<int> SendDueDigestsAsync(this MessagingHost host)
        => host.InScopeAsync(sp => sp.GetRequiredService<NotificationDigestJob>().SendDueAsync(host.Now(), CancellationToken.None));

    public static Task<int> PurgeAsync(this MessagingHost host, DateTime cutoff)
        => host.InScopeAsync(sp => sp.GetRequiredService<ThreadPurge>().PurgeAsync(cutoff, CancellationToken.None));

    public static Task<int> PendingNotificationCountAsync(this MessagingHost host)
        => host.WithDbAsync(db => db.PendingNotifications.CountAsync());

    /// <summary>Every participant row of a user as (thread, state, unread), to show that nothing changed.</summary>
    public static Task<List<(long ThreadId, ParticipantState State, bool IsUnread)>> StatesAsync(this MessagingHost host, string userId)
        => host.WithDbAsync(async db => (await db.ThreadParticipants.AsNoTracking().Where(p => p.UserId == userId).OrderBy(p => p.ThreadId).ToListAsync())
            .Select(p => (p.ThreadId, p.State, p.IsUnread)).ToList());
}
