using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;

namespace UserMessages.Filters;

/// <summary>
/// The built-in filter (turn it on with <c>AddMessageFilter&lt;NewAccountLinkFilter&gt;()</c>): holds a message with a link
/// (<c>http://</c>, <c>https://</c>, <c>www.</c>) from a new account, as <see cref="INewAccountPolicy"/> says, for a moderator.
/// </summary>
/// <param name="accounts">Which accounts are new.</param>
/// <param name="text">The package's texts, for the moderators' note.</param>
public sealed partial class NewAccountLinkFilter(INewAccountPolicy accounts, IStringLocalizer<UserMessagesResources> text) : IMessageFilter
{
    /// <inheritdoc />
    public async ValueTask<MessageFilterResult> CheckAsync(MessageToFilter message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var hasLink = Link().IsMatch(message.Content) || (message.Subject is { } subject && Link().IsMatch(subject));
        return hasLink && await accounts.IsNewAsync(message.SenderId, cancellationToken)
            ? MessageFilterResult.Hold(text["A link from a new account."])
            : MessageFilterResult.Accept;
    }

    [GeneratedRegex(@"(?:https?://|\bwww\.)\S", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Link();
}
