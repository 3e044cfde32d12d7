using UserMessages.Domain;
using UserMessages.Events;
using UserMessages.Filters;
using UserMessages.Store;

namespace UserMessages.Services;

/// <summary>A sender's edit or deletion of their own message within <see cref="UserMessagesOptions.EditWindow"/>, and a message's earlier versions.</summary>
internal sealed partial class UserMessagesService
{
    public async Task<MessagingResult> EditMessageAsync(string userId, long threadId, long messageId, string content, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        var errors = new List<MessagingError>();
        validator.CheckContent(content, errors);
        if (errors.Count > 0)
        {
            return MessagingResult.Invalid(errors);
        }

        await using var connection = await store.OpenAsync(cancellationToken);
        if (await ChangeRefusalAsync(userId, cancellationToken) is { } refused)
        {
            return refused;
        }

        // An edit passes the filters as a new message does (held is refused: an edit does not wait for review).
        var text = MessageInputValidator.NormalizeContent(content);
        var participants = await store.ReadWhoMaySeeAsync(threadId, cancellationToken);
        if (participants.Contains(userId, StringComparer.Ordinal))
        {
            var toFilter = new MessageToFilter(userId, threadId, participants.Where(id => id != userId).ToList(), null, text);
            if (await FilterEditAsync(toFilter, cancellationToken) is { } rejected)
            {
                return MessagingResult.Invalid([rejected]);
            }
        }

        var now = Now();
        var formatted = Formatted(text, []);
        var outcome = await store.EditMessageAsync(userId, threadId, messageId, formatted, now - options.Value.EditWindow, now, cancellationToken);
        if (outcome != MessageChangeOutcome.Changed)
        {
            return Refusal(outcome);
        }

        await changedDispatcher.DispatchAsync(new MessageEdited(threadId, messageId, userId, participants, now, text, formatted.Html), cancellationToken);
        return MessagingResult.Success;
    }

    public async Task<MessagingResult> DeleteMessageAsync(string userId, long threadId, long messageId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        await using var connection = await store.OpenAsync(cancellationToken);
        if (await ChangeRefusalAsync(userId, cancellationToken) is { } refused)
        {
            return refused;
        }

        var now = Now();
        var (outcome, removedFiles) = await store.DeleteMessageAsync(userId, threadId, messageId, now - options.Value.EditWindow, now, cancellationToken);
        if (outcome != MessageChangeOutcome.Changed)
        {
            return Refusal(outcome);
        }

        await attachmentFiles.DeleteAsync(removedFiles, cancellationToken);
        var participants = await store.ReadWhoMaySeeAsync(threadId, cancellationToken);
        await changedDispatcher.DispatchAsync(new MessageDeleted(threadId, messageId, userId, participants, now), cancellationToken);
        return MessagingResult.Success;
    }

    public async Task<MessagingResult<MessageVersions>> GetMessageVersionsAsync(string userId, long threadId, long messageId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        var row = await store.ReadMessageVersionsAsync(userId, threadId, messageId, cancellationToken);
        if (row is null || row.Kind is not (MessageKind.Text or MessageKind.Deleted))
        {
            return MessagingResult<MessageVersions>.NotFound();
        }

        var users = await directory.FindByIdsAsync([row.SenderId], cancellationToken);
        var formatting = options.Value.Formatting;
        var current = new MessageItem(messageId, formerMember.Or(users, row.SenderId), row.SentAt, row.Content, row.Kind)
        {
            ContentHtml = formatting ? row.ContentHtml : null,
            EditedAt = row.EditedAt,
        };
        var earlier = row.Earlier.Select(e => new MessageVersion(e.Content, formatting ? e.ContentHtml : null, e.ReplacedAt)).ToList();
        return MessagingResult<MessageVersions>.Success(new MessageVersions(threadId, current, earlier));
    }

    /// <summary>Until when the reader may still edit or delete a message of the thread page, or <see langword="null"/>.</summary>
    private DateTime? EditableUntil(string readerId, MessageRow message, DateTime now)
    {
        var window = options.Value.EditWindow;
        return window > TimeSpan.Zero && message.Kind == MessageKind.Text && message.SenderId == readerId && message.SentAt + window > now
            ? message.SentAt + window
            : null;
    }

    /// <summary>Edits and deletions are off, or the user's messaging is suspended.</summary>
    private async Task<MessagingResult?> ChangeRefusalAsync(string userId, CancellationToken cancellationToken)
    {
        if (options.Value.EditWindow <= TimeSpan.Zero)
        {
            return MessagingResult.Invalid([describer.EditWindowOver(TimeSpan.Zero)]);
        }

        return await store.ReadSuspensionAsync(userId, cancellationToken) is { } suspension && (suspension.EndsAt is null || suspension.EndsAt > Now())
            ? MessagingResult.Suspended(describer.MessagingSuspended(suspension.EndsAt), suspension.EndsAt)
            : null;
    }

    private MessagingResult Refusal(MessageChangeOutcome outcome) => outcome switch
    {
        MessageChangeOutcome.NotFound => MessagingResult.NotFound,
        MessageChangeOutcome.NotOwn => MessagingResult.Invalid([describer.NotYourMessage()]),
        MessageChangeOutcome.Gone => MessagingResult.Invalid([describer.MessageGone()]),
        _ => MessagingResult.Invalid([describer.EditWindowOver(options.Value.EditWindow)]),
    };
}
