using Microsoft.Extensions.Options;
using UserMessages.Domain;

namespace UserMessages.Services;

/// <summary>Checks subject, content and recipient list against SPEC §3 and the options.</summary>
internal sealed class MessageInputValidator(UserMessagesErrorDescriber describer, IOptions<UserMessagesOptions> options)
{
    public void CheckSubject(string? subject, List<MessagingError> errors)
    {
        if (string.IsNullOrWhiteSpace(subject))
        {
            errors.Add(describer.SubjectRequired());
        }
        else if (!TextRules.IsStorable(subject.Trim(), multiline: false))
        {
            errors.Add(describer.SubjectNotOneLine());
        }
        else if (subject.Trim().Length > MessageThread.MaxSubjectLength)
        {
            errors.Add(describer.SubjectTooLong(MessageThread.MaxSubjectLength));
        }
    }

    public void CheckContent(string? content, List<MessagingError> errors)
    {
        if (string.IsNullOrWhiteSpace(content))
        {
            errors.Add(describer.ContentRequired());
        }
        else if (!TextRules.IsStorable(content, multiline: true))
        {
            errors.Add(describer.ContentHasControlCharacters());
        }
        else if (NormalizeContent(content).Length > options.Value.MaxContentLength)
        {
            errors.Add(describer.ContentTooLong(options.Value.MaxContentLength));
        }
    }

    /// <summary>Collapses duplicates and drops the sender; adds an error when nobody or too many remain.</summary>
    public List<string> CheckRecipients(string senderId, IEnumerable<string> recipientIds, List<MessagingError> errors)
    {
        var recipients = recipientIds
            .Where(id => !string.IsNullOrWhiteSpace(id))
            .Select(id => id.Trim())
            .Where(id => !string.Equals(id, senderId, StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (recipients.Count == 0)
        {
            errors.Add(describer.RecipientsRequired());
        }
        else if (recipients.Count > options.Value.MaxRecipients)
        {
            errors.Add(describer.TooManyRecipients(options.Value.MaxRecipients));
        }

        return recipients;
    }

    /// <summary>Line breaks are kept, as <c>\n</c>, whatever the browser sent.</summary>
    public static string NormalizeContent(string content) => content.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
}
