using Microsoft.EntityFrameworkCore;
using UserMessages.Domain;
using UserMessages.Storage;

namespace UserMessages.Services;

/// <summary>Adding people to a thread: they see its whole history, and a system line records who added them.</summary>
internal sealed partial class UserMessagesService
{
    public async Task<MessagingResult> AddParticipantsAsync(string userId, long threadId, IReadOnlyCollection<string> userIds, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        ArgumentNullException.ThrowIfNull(userIds);
        var rows = await db.Participants.AsNoTracking()
            .Where(p => p.ThreadId == threadId)
            .Select(p => new { p.UserId, p.State, p.Thread!.LatestMessageAt })
            .ToListAsync(cancellationToken);
        if (!rows.Any(r => r.UserId == userId && r.State != ParticipantState.Left))
        {
            return MessagingResult.NotFound;
        }

        var present = rows.Where(r => r.State != ParticipantState.Left).Select(r => r.UserId).ToHashSet(StringComparer.Ordinal);
        var errors = new List<MessagingError>();
        var added = validator.CheckRecipients(userId, userIds.Where(id => !present.Contains(id)), errors);
        if (errors.Count == 0 && present.Count - 1 + added.Count > options.Value.MaxRecipients)
        {
            errors.Add(describer.TooManyParticipants(options.Value.MaxRecipients));
        }

        if (errors.Count == 0)
        {
            await CheckRecipientsAcceptAsync(userId, added, errors, blockers: null, cancellationToken);

            // Nobody is brought into a conversation with someone who blocked them; and a block between the
            // adder and anyone in the thread closes it to newcomers (adding would reopen what the block closed):
            // each one asked for is then refused as an unknown person would be. One read for both.
            var others = present.Where(id => id != userId).ToList();
            var blocks = await db.Blocks.AsNoTracking()
                .Where(b => (added.Contains(b.BlockedId) && present.Contains(b.BlockerId))
                    || (b.BlockerId == userId && others.Contains(b.BlockedId))
                    || (b.BlockedId == userId && others.Contains(b.BlockerId)))
                .Select(b => new { b.BlockerId, b.BlockedId })
                .ToListAsync(cancellationToken);
            var closed = blocks.Any(b => (b.BlockerId == userId && others.Contains(b.BlockedId)) || (b.BlockedId == userId && others.Contains(b.BlockerId)));
            var refused = closed ? added : blocks.Where(b => added.Contains(b.BlockedId) && present.Contains(b.BlockerId)).Select(b => b.BlockedId);
            errors.AddRange(refused.Distinct().Where(id => !errors.Any(e => e.Recipient == id)).Select(describer.RecipientUnavailable));
        }

        if (errors.Count > 0)
        {
            return MessagingResult.Invalid(errors);
        }

        var now = Now();
        var latest = rows[0].LatestMessageAt;
        var returning = rows.Where(r => r.State == ParticipantState.Left).Select(r => r.UserId).Intersect(added).ToList();
        return await InTransactionAsync(async () =>
        {
            var at = await MessageOrder.StampAsync(db, threadId, now, cancellationToken);

            // Someone who had left comes back; everyone else gets a new row. Either way the thread is new to them.
            var active = ParticipantState.Active;
            await db.Participants.Where(p => p.ThreadId == threadId && returning.Contains(p.UserId)).ExecuteUpdateAsync(
                s => s.SetProperty(p => p.State, active).SetProperty(p => p.StateChangedAt, now).SetProperty(p => p.IsUnread, true)
                    .SetProperty(p => p.JoinedAt, now).SetProperty(p => p.LatestMessageAt, latest),
                cancellationToken);
            db.Participants.AddRange(added.Except(returning).Select(id => new ThreadParticipant
            {
                ThreadId = threadId, UserId = id, IsUnread = true, LatestMessageAt = latest, JoinedAt = now, StateChangedAt = now,
            }));
            db.Messages.AddRange(added.Select(id => new Message { ThreadId = threadId, SenderId = userId, AboutUserId = id, SentAt = at, Kind = MessageKind.Joined }));
            await db.Context.SaveChangesAsync(cancellationToken);
            await CountUnreadChangesAsync(db.Participants.Where(p => p.ThreadId == threadId && added.Contains(p.UserId)), cancellationToken);
            return MessagingResult.Success;
        }, cancellationToken);
    }
}
