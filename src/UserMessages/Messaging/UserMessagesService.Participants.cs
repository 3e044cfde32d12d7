using UserMessages.Domain;
using UserMessages.Store;

namespace UserMessages.Services;

/// <summary>Adding people to a thread: they see its whole history, and a system line records who added them.</summary>
internal sealed partial class UserMessagesService
{
    public async Task<MessagingResult> AddParticipantsAsync(string userId, long threadId, IReadOnlyCollection<string> userIds, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        ArgumentNullException.ThrowIfNull(userIds);
        var rows = await store.ReadParticipantsAsync(threadId, cancellationToken);
        var present = rows.Where(r => ThreadAccess.Allows(r.State)).Select(r => r.UserId).ToHashSet(StringComparer.Ordinal);
        if (!present.Contains(userId))
        {
            return MessagingResult.NotFound;
        }

        var errors = new List<MessagingError>();
        var added = validator.CheckRecipients(userId, userIds.Where(id => !present.Contains(id)), errors);
        var known = new HashSet<string>(StringComparer.Ordinal);
        if (errors.Count == 0)
        {
            (added, known) = await SpellAsStoredAsync(userId, added, cancellationToken);
            added.RemoveAll(present.Contains);
            if (added.Count == 0)
            {
                errors.Add(describer.RecipientsRequired());
            }
            else if (present.Count - 1 + added.Count > options.Value.MaxRecipients)
            {
                errors.Add(describer.TooManyParticipants(options.Value.MaxRecipients));
            }
        }

        if (errors.Count == 0)
        {
            await CheckRecipientsAcceptAsync(userId, added, known, [.. await store.ReadBlockersOfAsync(userId, cancellationToken)], errors, cancellationToken);

            // Nobody is brought into a conversation with someone who blocked them; and a block between the
            // adder and anyone in the thread closes it to newcomers (adding would reopen what the block closed):
            // each one asked for is then refused as an unknown person would be. One read for both.
            var others = present.Where(id => id != userId).ToList();
            var blocks = await store.ReadBlocksForAddingAsync(userId, others, present, added, cancellationToken);
            var closed = blocks.Any(b => (b.BlockerId == userId && others.Contains(b.BlockedId)) || (b.BlockedId == userId && others.Contains(b.BlockerId)));
            var refused = closed ? added : blocks.Where(b => added.Contains(b.BlockedId) && present.Contains(b.BlockerId)).Select(b => b.BlockedId);
            errors.AddRange(refused.Distinct().Where(id => !errors.Any(e => e.Recipient == id)).Select(describer.RecipientUnavailable));
        }

        if (errors.Count > 0)
        {
            return MessagingResult.Invalid(errors);
        }

        var returning = rows.Where(r => !ThreadAccess.Allows(r.State)).Select(r => r.UserId).Intersect(added).ToList();
        await store.AddParticipantsAsync(userId, threadId, added, returning, rows[0].ThreadLatestMessageAt, Now(), cancellationToken);
        return MessagingResult.Success;
    }
}
