using Microsoft.AspNetCore.Http;
using UserMessages.About;
using UserMessages.Services;
using UserMessages.Users;

namespace UserMessages.Web.Api;

/// <summary>A user as the API names them: by id and public name, never by a sign-in name or e-mail address.</summary>
internal sealed record ApiUser(string Id, string DisplayName)
{
    public static ApiUser From(MessagingUser user) => new(user.Id, user.DisplayName);
}

/// <summary>One row of a folder or of search results.</summary>
internal sealed record ApiThreadSummary(
    long Id, string Subject, bool IsUnread, DateTime LatestMessageAt, ApiUser LatestSender, string Excerpt, IReadOnlyList<ApiUser> OtherParticipants, string State, bool IsMuted, ApiAbout? About)
{
    public static ApiThreadSummary From(ThreadSummary t) => new(
        t.ThreadId, t.Subject, t.IsUnread, t.LatestMessageAt, ApiUser.From(t.LatestSender), t.Excerpt, t.OtherParticipants.Select(ApiUser.From).ToList(), ApiNames.Of(t.State), t.IsMuted, ApiAbout.From(t.About, t.AboutCard));
}

/// <summary>One page of a folder; pass a cursor back as <c>?before=</c> (older) or <c>?after=</c> (newer).</summary>
internal sealed record ApiFolderPage(string Folder, IReadOnlyList<ApiThreadSummary> Threads, string? OlderCursor, string? NewerCursor)
{
    /// <summary>In the Sent folder's first page: the caller's new threads awaiting a moderator's review.</summary>
    public IReadOnlyList<AwaitingReview> AwaitingReview { get; init; } = [];
}

/// <summary>One page of search results.</summary>
internal sealed record ApiSearchPage(string Query, IReadOnlyList<ApiThreadSummary> Threads, string? OlderCursor, string? NewerCursor);

/// <summary>
/// One message of a thread: <c>content</c> as written, <c>html</c> as shown, its files, who has seen it (<c>seenBy</c>) and, on the
/// caller's own, until when it may be edited; <c>kind</c> is <c>text</c>, <c>removed</c>, <c>deleted</c>, <c>joined</c> or <c>left</c>.
/// </summary>
internal sealed record ApiMessage(
    long Id, ApiUser Sender, DateTime SentAt, string Content, string Html, string Kind, ApiUser? AboutUser, bool ReportedByMe, DateTime? EditedAt, DateTime? EditableUntil,
    IReadOnlyList<ApiAttachment> Attachments, IReadOnlyList<ApiUser> SeenBy)
{
    public static ApiMessage From(MessageItem m, UserMessagesLinks links, HttpContext http) => new(
        m.Id, ApiUser.From(m.Sender), m.SentAt, m.Content, HtmlOf(m.Kind, m.Content, m.ContentHtml), ApiNames.Of(m.Kind),
        m.AboutUser is null ? null : ApiUser.From(m.AboutUser), m.ReportedByReader, m.EditedAt, m.EditableUntil,
        m.Attachments.Select(a => ApiAttachment.From(a, links, http)).ToList(), m.SeenBy.Select(ApiUser.From).ToList());

    /// <summary>A written message's HTML as the pages show it (its Markdown's, or the plain text encoded); empty for any other line.</summary>
    public static string HtmlOf(Domain.MessageKind kind, string content, string? html)
        => kind == Domain.MessageKind.Text ? html ?? MessageMarkdown.RenderPlain(content) : string.Empty;
}

/// <summary>
/// What a conversation is about: <c>reference</c> as it was started with (<c>listing:123</c>), and the card the site's resolver gives the
/// caller (<c>title</c>, <c>url</c>, <c>imageUrl</c>; null when it gives none).
/// </summary>
internal sealed record ApiAbout(string Reference, string? Title, string? Url, string? ImageUrl)
{
    public static ApiAbout? From(AboutReference? reference, AboutCard? card)
        => reference is null ? null : new(reference.ToString(), card?.Title, card is { Url.Length: > 0 } ? card.Url : null, card?.ImageUrl);
}

/// <summary>A file attached to a message (or uploaded for the next one): <c>url</c> downloads it, for the thread's people only.</summary>
internal sealed record ApiAttachment(long Id, string FileName, string ContentType, long Length, string Url)
{
    public static ApiAttachment From(AttachmentItem a, UserMessagesLinks links, HttpContext http) => new(a.Id, a.FileName, a.ContentType, a.Length, links.Attachment(http, a.Id));
}

/// <summary>A message as it is now and its earlier texts, newest first, each with <c>content</c>, <c>html</c> and <c>replacedAt</c>.</summary>
internal sealed record ApiMessageVersions(ApiMessage Current, IReadOnlyList<ApiMessageVersion> Earlier)
{
    public static ApiMessageVersions From(MessageVersions v, UserMessagesLinks links, HttpContext http)
        => new(ApiMessage.From(v.Current, links, http), v.Earlier.Select(e => new ApiMessageVersion(e.Content, ApiMessage.HtmlOf(Domain.MessageKind.Text, e.Content, e.ContentHtml), e.ReplacedAt)).ToList());
}

/// <summary>One earlier text of an edited message.</summary>
internal sealed record ApiMessageVersion(string Content, string Html, DateTime ReplacedAt);

/// <summary>A report the caller made: its id.</summary>
internal sealed record ApiReport(long Id);

/// <summary>One page of a thread's messages, oldest first, and the caller's replies in it awaiting a moderator's review.</summary>
internal sealed record ApiThread(
    long Id,
    string Subject,
    bool IsUnread,
    string State,
    IReadOnlyList<ApiUser> Participants,
    IReadOnlyList<ApiMessage> Messages,
    long? FirstUnreadMessageId,
    string? OlderCursor,
    string? NewerCursor,
    IReadOnlyList<AwaitingReview> AwaitingReview,
    bool IsMuted,
    ApiAbout? About)
{
    public static ApiThread From(ThreadPage p, UserMessagesLinks links, HttpContext http) => new(
        p.ThreadId, p.Subject, p.IsUnread, ApiNames.Of(p.State), p.Participants.Select(ApiUser.From).ToList(), p.Messages.Select(m => ApiMessage.From(m, links, http)).ToList(),
        p.FirstUnreadMessageId, p.OlderCursor, p.NewerCursor, p.AwaitingReview, p.IsMuted, ApiAbout.From(p.About, p.AboutCard));
}

/// <summary>Where a new thread or reply was stored.</summary>
internal sealed record ApiSentMessage(long ThreadId, long MessageId);

/// <summary>A message a filter held for a moderator's review (202): delivered only when approved.</summary>
internal sealed record ApiHeldMessage(long HeldMessageId)
{
    public string Status => "awaitingReview";
}

/// <summary>The number of unread threads in the inbox, and of message requests waiting.</summary>
internal sealed record ApiUnreadCount(int Count, int Requests);

/// <summary>The antiforgery token the site's own scripts send back in the <paramref name="HeaderName"/> header.</summary>
internal sealed record ApiAntiforgeryToken(string Token, string HeaderName);

/// <summary>Enum values as the API spells them: camelCase words, never numbers.</summary>
internal static class ApiNames
{
    public static string Of<T>(T value)
        where T : struct, Enum
    {
        var name = value.ToString();
        return name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];
    }
}
