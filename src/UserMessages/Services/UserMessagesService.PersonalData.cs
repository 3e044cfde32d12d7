using Microsoft.EntityFrameworkCore;
using UserMessages.Domain;

namespace UserMessages.Services;

/// <summary>Data-protection requests: a user's messaging data exported, or erased.</summary>
internal sealed partial class UserMessagesService
{
    /// <summary>The most recipient suggestions one type-ahead request returns.</summary>
    internal const int MaxSuggestions = 10;

    public async Task<UserDataExport> ExportUserDataAsync(string userId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        var text = MessageKind.Text;
        var threads = await db.Participants.AsNoTracking()
            .Where(p => p.UserId == userId)
            .OrderBy(p => p.JoinedAt)
            .Select(p => new
            {
                p.ThreadId,
                p.Thread!.Subject,
                p.State,
                p.JoinedAt,
                Messages = p.Thread.Messages.Where(m => m.SenderId == userId && m.Kind == text).OrderBy(m => m.SentAt)
                    .Select(m => new ExportedMessage(m.Id, m.SentAt, m.Content)).ToList(),
            })
            .ToListAsync(cancellationToken);
        var blocked = await db.Blocks.AsNoTracking().Where(b => b.BlockerId == userId).Select(b => b.BlockedId).ToListAsync(cancellationToken);
        var notify = await db.Preferences.AsNoTracking().Where(p => p.UserId == userId).Select(p => (bool?)p.NotifyByEmail).FirstOrDefaultAsync(cancellationToken) ?? true;
        return new UserDataExport(
            userId,
            clock.GetUtcNow().UtcDateTime,
            threads.Select(t => new ExportedThread(t.ThreadId, t.Subject, t.State.ToString(), t.JoinedAt, t.Messages)).ToList(),
            blocked,
            notify);
    }

    public async Task EraseUserDataAsync(string userId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        await InTransactionAsync(async () =>
        {
            var threadIds = await db.Participants.Where(p => p.UserId == userId).Select(p => p.ThreadId).ToListAsync(cancellationToken);

            // Notifications for them, or about their messages, go; the others' notifications stay.
            var theirs = db.Messages.Where(m => m.SenderId == userId).Select(m => m.Id);
            await db.PendingNotifications.Where(n => n.RecipientId == userId || theirs.Contains(n.MessageId)).ExecuteDeleteAsync(cancellationToken);

            // Their messages and the lines about them go; the others keep the rest of each conversation.
            await db.Messages.Where(m => m.SenderId == userId || m.AboutUserId == userId).ExecuteDeleteAsync(cancellationToken);
            await db.Participants.Where(p => p.UserId == userId).ExecuteDeleteAsync(cancellationToken);
            await db.Blocks.Where(b => b.BlockerId == userId || b.BlockedId == userId).ExecuteDeleteAsync(cancellationToken);
            await db.Preferences.Where(p => p.UserId == userId).ExecuteDeleteAsync(cancellationToken);
            await db.Counters.Where(c => c.UserId == userId).ExecuteDeleteAsync(cancellationToken);
            await db.Threads.Where(t => t.CreatedById == userId).ExecuteUpdateAsync(s => s.SetProperty(t => t.CreatedById, string.Empty), cancellationToken);

            // A thread left with no written message or nobody in it is gone too (with what was queued about it).
            var text = MessageKind.Text;
            var empty = db.Threads.Where(t => threadIds.Contains(t.Id)
                && (!db.Messages.Any(m => m.ThreadId == t.Id && m.Kind == text) || !db.Participants.Any(p => p.ThreadId == t.Id)));
            await db.PendingNotifications.Where(n => empty.Any(t => t.Id == n.ThreadId)).ExecuteDeleteAsync(cancellationToken);

            // Whoever had such a thread unread no longer counts it.
            var others = db.Participants.Where(p => threadIds.Contains(p.ThreadId));
            await others.Where(p => empty.Any(t => t.Id == p.ThreadId)).ExecuteUpdateAsync(s => s.SetProperty(p => p.IsUnread, false), cancellationToken);
            await CountUnreadChangesAsync(others, cancellationToken);
            await empty.ExecuteDeleteAsync(cancellationToken);

            // The others' threads point at their new latest message, and are no longer unread for
            // someone who had read everything that remains.
            var latest = db.Messages.Where(m => m.Kind == text).OrderByDescending(m => m.SentAt).ThenByDescending(m => m.Id);
            await db.Threads.Where(t => threadIds.Contains(t.Id)).ExecuteUpdateAsync(
                s => s.SetProperty(t => t.LatestMessageId, t => latest.Where(m => m.ThreadId == t.Id).Select(m => m.Id).First())
                    .SetProperty(t => t.LatestMessageAt, t => latest.Where(m => m.ThreadId == t.Id).Select(m => m.SentAt).First()),
                cancellationToken);
            await db.Participants.Where(p => threadIds.Contains(p.ThreadId)).ExecuteUpdateAsync(
                s => s.SetProperty(p => p.LatestMessageAt, p => db.Threads.Where(t => t.Id == p.ThreadId).Select(t => t.LatestMessageAt).First())
                    .SetProperty(p => p.IsUnread, p => p.IsUnread && !db.Messages.Any(m =>
                        m.ThreadId == p.ThreadId && m.Kind == text && m.SenderId != p.UserId && (p.LastReadMessageId == null || m.Id > p.LastReadMessageId)) ? false : p.IsUnread),
                cancellationToken);
            await CountUnreadChangesAsync(others, cancellationToken);
            return true;
        }, cancellationToken);
    }

    public async Task<MessagingResult<IReadOnlyList<Users.MessagingUser>>> SuggestRecipientsAsync(string userId, string prefix, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        var typed = (prefix ?? string.Empty).Trim();
        if (typed.Length < options.Value.MinSearchLength)
        {
            return MessagingResult<IReadOnlyList<Users.MessagingUser>>.Invalid([describer.SearchTooShort(options.Value.MinSearchLength)]);
        }

        if (!TextRules.IsStorable(typed, multiline: false))
        {
            return MessagingResult<IReadOnlyList<Users.MessagingUser>>.Invalid([describer.SearchHasControlCharacters()]);
        }

        // Never list the caller, nor anyone who blocked them.
        var excluded = await db.Blocks.AsNoTracking().Where(b => b.BlockedId == userId).Select(b => b.BlockerId).ToListAsync(cancellationToken);
        excluded.Add(userId);
        var users = await directory.SuggestAsync(typed, excluded, MaxSuggestions, cancellationToken);
        return MessagingResult<IReadOnlyList<Users.MessagingUser>>.Success(users);
    }
}
