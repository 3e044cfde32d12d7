using UserMessages.Events;
using UserMessages.Filters;
using UserMessages.Store;
using UserMessages.Users;

namespace UserMessages.Services;

/// <summary>Sending: a new thread and a reply, each checked (input, recipients, blocks, limits) and then written in one transaction; events follow the commit.</summary>
internal sealed partial class UserMessagesService
{
    public Task<MessagingResult<SentMessage>> StartThreadAsync(NewThreadRequest request, CancellationToken cancellationToken = default)
        => StartThreadAsync(request, review: true, cancellationToken);

    public Task<MessagingResult<SentMessage>> ReplyAsync(string userId, long threadId, string content, CancellationToken cancellationToken = default)
        => ReplyAsync(userId, threadId, content, [], review: true, cancellationToken);

    public Task<MessagingResult<SentMessage>> ReplyAsync(string userId, long threadId, string content, IReadOnlyList<long> attachmentIds, CancellationToken cancellationToken = default)
        => ReplyAsync(userId, threadId, content, attachmentIds ?? [], review: true, cancellationToken);

    /// <summary>Starts a thread; with <paramref name="review"/> (not for a held message a moderator approved) after the limits and the filters.</summary>
    private async Task<MessagingResult<SentMessage>> StartThreadAsync(NewThreadRequest request, bool review, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(request.SenderId);
        var errors = new List<MessagingError>();
        validator.CheckSubject(request.Subject, errors);
        validator.CheckContent(request.Content, errors);
        var recipients = validator.CheckRecipients(request.SenderId, request.RecipientIds ?? [], errors);
        if (errors.Count > 0)
        {
            return MessagingResult<SentMessage>.Invalid(errors);
        }

        // One open of the connection serves the checks, the write and the handlers' reads.
        await using var connection = await store.OpenAsync(cancellationToken);
        (recipients, var known) = await SpellAsStoredAsync(request.SenderId, recipients, cancellationToken);
        if (recipients.Count == 0)
        {
            return MessagingResult<SentMessage>.Invalid([describer.RecipientsRequired()]);
        }

        var now = Now();
        var requests = options.Value.MessageRequests && !await requestPolicy.SkipsRequestsAsync(request.SenderId, cancellationToken);
        var checks = await store.ReadNewThreadChecksAsync(request.SenderId, recipients, limits.QuotaAt(now), requests, cancellationToken);
        await CheckRecipientsAcceptAsync(request.SenderId, recipients, known, checks.Blockers, errors, cancellationToken);
        if (errors.Count > 0)
        {
            return MessagingResult<SentMessage>.Invalid(errors);
        }

        if (Suspended(checks.History) is { } suspended)
        {
            return MessagingResult<SentMessage>.From(suspended);
        }

        if (review && (limits.ForNewThread(checks.History, now) ?? await NewAccountLimitAsync(request.SenderId, recipients, now, cancellationToken)) is { } limited)
        {
            return MessagingResult<SentMessage>.From(limited);
        }

        // Something the site does not know, or the sender may not use, is refused as an unknown recipient is.
        if (request.About is { } about && await aboutCards.ForStartAsync(request.SenderId, about, recipients, cancellationToken) is null)
        {
            return MessagingResult<SentMessage>.Invalid([describer.UnknownAbout()]);
        }

        var (attachments, notWaiting) = await CheckAttachmentsAsync(request.SenderId, request.AttachmentIds ?? [], cancellationToken);
        if (notWaiting is not null)
        {
            return MessagingResult<SentMessage>.Invalid([notWaiting]);
        }

        var subject = request.Subject.Trim();
        var content = MessageInputValidator.NormalizeContent(request.Content);
        var aboutText = request.About?.ToString();
        if (review && await ReviewAsync(new MessageToFilter(request.SenderId, null, recipients, subject, content), aboutText, attachments, now, cancellationToken) is { } reviewed)
        {
            return reviewed;
        }

        // Someone who has not exchanged messages with the sender gets the thread as a request.
        var requested = requests ? recipients.Where(id => !checks.Acquainted.Contains(id)).ToHashSet(StringComparer.Ordinal) : [];

        // Recipients in user order, as every write takes them (two writers never wait on each other's rows crosswise).
        var formatted = Formatted(content, [.. attachments.Select(a => a.Id)]);
        long threadId, messageId;
        try
        {
            (threadId, messageId) = await store.WriteThreadAsync(
                request.SenderId, [.. recipients.Order(StringComparer.Ordinal)], requested, subject, aboutText, formatted, now, schedule.TimesFor(now), cancellationToken);
        }
        catch (AttachmentsTakenException)
        {
            return MessagingResult<SentMessage>.Invalid([describer.AttachmentNotWaiting()]);
        }

        await dispatcher.DispatchAsync(
            new MessageSent(threadId, messageId, subject, request.SenderId, recipients, content, now, IsReply: false) { RequestedIds = [.. requested], ContentHtml = formatted.Html, Attachments = attachments },
            cancellationToken);
        return MessagingResult<SentMessage>.Success(new SentMessage(threadId, messageId));
    }

    /// <summary>Replies; with <paramref name="review"/> (not for a held reply a moderator approved) after the limits and the filters.</summary>
    private async Task<MessagingResult<SentMessage>> ReplyAsync(string userId, long threadId, string content, IReadOnlyList<long> attachmentIds, bool review, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        var now = Now();

        // One open of the connection serves the checks, the write and the handlers' reads.
        await using var connection = await store.OpenAsync(cancellationToken);
        var checks = await store.ReadReplyChecksAsync(userId, threadId, limits.QuotaAt(now), cancellationToken);
        if (!checks.Participants.Contains(userId, StringComparer.Ordinal))
        {
            return MessagingResult<SentMessage>.NotFound();
        }

        if (Suspended(checks.History) is { } suspended)
        {
            return MessagingResult<SentMessage>.From(suspended);
        }

        var errors = new List<MessagingError>();
        validator.CheckContent(content, errors);
        if (errors.Count > 0)
        {
            return MessagingResult<SentMessage>.Invalid(errors);
        }

        // Someone blocked by everyone else in the thread cannot write in it.
        var recipients = checks.Participants.Where(id => id != userId).ToList();
        var refusing = await recipientGate.FindRefusingAsync(userId, recipients, checks.Blockers, cancellationToken);
        if (recipients.Count > 0 && refusing.Count == recipients.Count)
        {
            return MessagingResult<SentMessage>.Invalid([describer.ConversationUnavailable()]);
        }

        if (review && limits.ForReply(checks.History, now) is { } limited)
        {
            return MessagingResult<SentMessage>.From(limited);
        }

        var (attachments, notWaiting) = await CheckAttachmentsAsync(userId, attachmentIds, cancellationToken);
        if (notWaiting is not null)
        {
            return MessagingResult<SentMessage>.Invalid([notWaiting]);
        }

        // Nobody is notified of a message from someone they blocked.
        var text = MessageInputValidator.NormalizeContent(content);
        if (review && await ReviewAsync(new MessageToFilter(userId, threadId, recipients, null, text), null, attachments, now, cancellationToken) is { } reviewed)
        {
            return reviewed;
        }

        var formatted = Formatted(text, [.. attachments.Select(a => a.Id)]);
        long messageId;
        DateTime sentAt;
        try
        {
            (messageId, sentAt) = await store.WriteReplyAsync(userId, threadId, formatted, now, schedule.TimesFor(now), [.. refusing], cancellationToken);
        }
        catch (AttachmentsTakenException)
        {
            return MessagingResult<SentMessage>.Invalid([describer.AttachmentNotWaiting()]);
        }

        await dispatcher.DispatchAsync(
            new MessageSent(threadId, messageId, checks.Subject!, userId, recipients, text, sentAt, IsReply: true)
            {
                RequestedIds = [.. recipients.Where(checks.Requested.Contains)],
                ContentHtml = formatted.Html,
                Attachments = attachments,
            },
            cancellationToken);
        return MessagingResult<SentMessage>.Success(new SentMessage(threadId, messageId));
    }

    /// <summary>A message's text to store: rendered from its Markdown once, now, unless formatting is off.</summary>
    private MessageText Formatted(string content, IReadOnlyList<long> attachmentIds)
        => new(content, options.Value.Formatting ? MessageMarkdown.Render(content) : null, attachmentIds);

    /// <summary>The refusal for a sender a moderator suspended, else <see langword="null"/>.</summary>
    private MessagingResult? Suspended(SendingHistory history)
        => history.Suspension is { } suspension ? MessagingResult.Suspended(describer.MessagingSuspended(suspension.EndsAt), suspension.EndsAt) : null;

    /// <summary>
    /// The recipients as the directory spells their ids, which are the ones stored (an id given in another case
    /// finds the same person), without the sender; and the ids the directory knows.
    /// </summary>
    private async Task<(List<string> Recipients, HashSet<string> Known)> SpellAsStoredAsync(
        string senderId, IReadOnlyList<string> recipients, CancellationToken cancellationToken)
    {
        var found = await directory.FindByIdsAsGivenAsync(recipients, cancellationToken);
        var spelled = recipients.Select(id => found.TryGetValue(id, out var user) ? user.Id : id)
            .Where(id => id != senderId)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return (spelled, found.Values.Select(u => u.Id).ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>
    /// Unknown users, users who blocked the sender (<paramref name="blockers"/>) and users the host's policy
    /// refuses get the same error (SPEC §3.7); so does an id with the control character folder pages join ids with.
    /// </summary>
    private async Task CheckRecipientsAcceptAsync(
        string senderId, IReadOnlyList<string> recipients, HashSet<string> known, HashSet<string> blockers, List<MessagingError> errors, CancellationToken cancellationToken)
    {
        var knownRecipients = recipients.Where(known.Contains).ToList();
        var refusing = await recipientGate.FindRefusingAsync(senderId, knownRecipients, [.. blockers.Where(known.Contains)], cancellationToken);
        errors.AddRange(recipients
            .Where(id => !known.Contains(id) || refusing.Contains(id) || id.Contains(ThreadRow.IdSeparator, StringComparison.Ordinal))
            .Select(describer.RecipientUnavailable));
    }
}
