using UserMessages.Domain;
using UserMessages.Events;
using UserMessages.Filters;

namespace UserMessages.Services;

/// <summary>
/// Before a message is stored: the host's filters (accept, reject, hold for a moderator) and the limit on new accounts;
/// and the delivery of a held message a moderator approved.
/// </summary>
internal sealed partial class UserMessagesService : IHeldMessageDelivery
{
    /// <summary>The separator of a held new thread's recipient ids (a control character no id may hold, as folder rows use).</summary>
    private const char RecipientSeparator = '\u001f';

    public async Task<MessagingResult<SentMessage>> DeliverAsync(HeldMessage held, IReadOnlyList<long> attachmentIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(held);
        var attachments = attachmentIds ?? [];
        return held.ThreadId is { } threadId
            ? await ReplyAsync(held.SenderId, threadId, held.Content, attachments, review: false, cancellationToken)
            : await StartThreadAsync(
                new NewThreadRequest(held.SenderId, (held.RecipientIds ?? string.Empty).Split(RecipientSeparator, StringSplitOptions.RemoveEmptyEntries), held.Subject ?? string.Empty, held.Content)
                {
                    AttachmentIds = attachments,
                    About = About.AboutReference.TryParse(held.About, out var about) ? about : null,
                },
                review: false,
                cancellationToken);
    }

    /// <summary>The user's messages awaiting review: replies in <paramref name="threadId"/>, or new threads when it is null; nothing read without filters.</summary>
    private async Task<IReadOnlyList<AwaitingReview>> AwaitingReviewAsync(string userId, long? threadId, CancellationToken cancellationToken)
    {
        if (!filters.Any())
        {
            return [];
        }

        var held = await store.ReadHeldAsync(userId, threadId, cancellationToken);
        return held.Select(h => new AwaitingReview(h.Id, h.Subject, h.Content, h.HeldAt)).ToList();
    }

    /// <summary>
    /// Runs the filters: null to deliver the message, else the result to return, a refusal (the first rejection) or,
    /// when a filter holds it, the held message's id after storing it.
    /// </summary>
    private async Task<MessagingResult<SentMessage>?> ReviewAsync(MessageToFilter message, string? about, IReadOnlyList<AttachmentItem> attachments, DateTime now, CancellationToken cancellationToken)
    {
        string? hold = null;
        foreach (var filter in filters)
        {
            var verdict = await filter.CheckAsync(message, cancellationToken);
            if (verdict.Verdict == MessageFilterVerdict.Reject)
            {
                return MessagingResult<SentMessage>.Invalid([describer.MessageRejected(verdict.Reason ?? describer.MessageRejectedWithoutReason())]);
            }

            if (verdict.Verdict == MessageFilterVerdict.Hold)
            {
                hold ??= string.IsNullOrWhiteSpace(verdict.Reason) ? filter.GetType().Name : verdict.Reason;
            }
        }

        if (hold is null)
        {
            return null;
        }

        var held = new HeldMessage
        {
            SenderId = message.SenderId,
            ThreadId = message.ThreadId,
            RecipientIds = message.ThreadId is null ? string.Join(RecipientSeparator, message.RecipientIds) : null,
            Subject = message.Subject,
            About = about,
            Content = message.Content,
            HeldAt = now,
            Reason = hold.Length > MessagingSuspension.MaxReasonLength ? hold[..MessagingSuspension.MaxReasonLength] : hold,
        };
        var id = await store.HoldAsync(held, cancellationToken);
        await store.HoldAttachmentsAsync(message.SenderId, id, [.. attachments.Select(a => a.Id)], cancellationToken);
        await moderationEvents.DispatchAsync(new MessageHeld(now, id, message.SenderId, message.ThreadId, held.Reason), cancellationToken);
        return MessagingResult<SentMessage>.Success(new SentMessage(message.ThreadId ?? 0, 0) { HeldMessageId = id });
    }

    /// <summary>The refusal of an edit by the first filter that rejects or would hold the new text (an edit waits for no review), else null.</summary>
    private async Task<MessagingError?> FilterEditAsync(MessageToFilter message, CancellationToken cancellationToken)
    {
        foreach (var filter in filters)
        {
            var verdict = await filter.CheckAsync(message, cancellationToken);
            if (verdict.Verdict != MessageFilterVerdict.Accept)
            {
                return describer.MessageRejected(verdict.Reason ?? describer.MessageRejectedWithoutReason());
            }
        }

        return null;
    }

    /// <summary>A refusal when a new account would start conversations with more people today than it may, else null (nothing read when the limit is off).</summary>
    private async Task<MessagingResult?> NewAccountLimitAsync(string senderId, IReadOnlyCollection<string> recipients, DateTime now, CancellationToken cancellationToken)
    {
        var newAccounts = options.Value.NewAccounts;
        if (newAccounts.Age <= TimeSpan.Zero || newAccounts.PeoplePerDay == 0 || !await newAccountPolicy.IsNewAsync(senderId, cancellationToken))
        {
            return null;
        }

        // Different people: someone already written to today does not count twice.
        var people = (await store.ReadPeopleStartedWithAsync(senderId, now.AddDays(-1), cancellationToken)).Union(recipients, StringComparer.Ordinal).Count();
        return people > newAccounts.PeoplePerDay
            ? MessagingResult.RateLimited(describer.TooManyPeopleForNewAccount(newAccounts.PeoplePerDay), TimeSpan.FromHours(1))
            : null;
    }
}
