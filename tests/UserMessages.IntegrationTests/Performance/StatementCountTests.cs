using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using UserMessages.Domain;
using UserMessages.IntegrationTests.Api;
using UserMessages.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace UserMessages.IntegrationTests.Performance;

/// <summary>
/// SPEC §6: every page and every API endpoint costs a fixed number of SQL statements (database
/// commands), whatever the number of threads, messages or users; a request that names several
/// threads or people may add a pinned number per one named. Each endpoint runs once on small and
/// once on large data, each time for users (and their data) of its own in the app the class shares, as a
/// real request checked to have done its work, and must cost exactly what <see cref="Expected"/> says,
/// with one open of the database connection (each open costs work of its own: SQLite's EF Core provider
/// registers its functions every time).
/// </summary>
public sealed partial class StatementCountTests(ITestOutputHelper output, SharedApp sharedApp) : IClassFixture<SharedApp>, IDisposable
{
    /// <summary>The sample's folder page size, and the package's thread page size.</summary>
    private const int PageSize = 25;
    private const int ThreadPageSize = 50;

    /// <summary>
    /// The pinned costs, in statements per request: <c>Fixed(n)</c>, or <c>PerSelected(n, k)</c> for
    /// n + k × (threads ticked or people named); <c>postgres:</c> where PostgreSQL differs (EF Core
    /// batches inserts there, one statement per row on SQLite); <c>.Portable(...)</c> and <c>.Batching(...)</c>
    /// where the portable store's differ (see <see cref="Pinned"/>). Every run prints each endpoint's
    /// measured cost in this syntax (lines starting "Measured on"), so an intended change is copied back here.
    /// </summary>
    private static readonly Dictionary<string, Pinned> Expected = new()
    {
        // The sample registers a message filter: the Sent folder reads the sender's new threads awaiting review (the thread page reads
        // their replies with its messages; the portable store in queries of their own, as it reads the messages reported).
        ["GET /messages (inbox)"] = Fixed(2).Portable(Fixed(3)),
        ["GET /messages/sent"] = Fixed(3).Portable(Fixed(4)),
        ["GET /messages/archive"] = Fixed(2).Portable(Fixed(3)),
        ["GET /messages/requests"] = Fixed(2).Portable(Fixed(3)),
        ["POST /messages/thread/{id}/answer (accept)"] = Fixed(3),
        ["POST /messages/thread/{id}/answer (decline and block)"] = Fixed(6),
        ["POST /messages/bulk (accept)"] = Fixed(5).Portable(Fixed(6)),
        ["GET /messages/api/folders/requests"] = Fixed(2),
        ["POST /messages/api/threads/{id}/accept"] = Fixed(5).Portable(Fixed(6)),
        ["POST /messages/api/threads/{id}/decline"] = Fixed(4),
        ["POST /messages/api/threads/{id}/decline-and-block"] = Fixed(6),
        ["POST /messages/api/threads/bulk (decline)"] = Fixed(4),
        ["GET /messages/trash"] = Fixed(2).Portable(Fixed(3)),
        ["GET /messages/search"] = Fixed(3),
        ["GET /messages/search (less than a page)"] = Fixed(3, postgres: 4),
        ["GET /messages/create"] = Fixed(1),
        ["GET /messages/create/{userId}"] = Fixed(2),
        ["GET /messages/thread/{id} (newest page)"] = Fixed(2).Portable(Fixed(7)),
        ["GET /messages/thread/{id} (older page)"] = Fixed(2).Portable(Fixed(7)),
        ["GET /messages/thread/{id} (unread, marks read)"] = Fixed(9).Portable(Fixed(13)),
        ["GET /messages/blocked"] = Fixed(3),
        ["GET /messages/settings"] = Fixed(2),
        ["GET /messages/recipients"] = Fixed(2),

        // The names typed, the blocks and limits (and, on the portable store, the sender's suspension), the recipients' accounts, the thread with its
        // message, the rest of the write, then the live updates' two reads.
        ["POST /messages/create (one recipient)"] = Fixed(7).Portable(Fixed(20)).Batching(Fixed(17)),
        ["POST /messages/create (several recipients)"] = Fixed(7).Portable(PerSelected(16, 4)).Batching(PerSelected(15, 2)),
        // The checks' reads, the message, the rest of the write, then the replier's name and the live badges.
        ["POST /messages/thread/{id} (reply)"] = Fixed(5).Portable(Fixed(20)),
        ["POST /messages/thread/{id} (reply, several participants)"] = Fixed(5).Portable(PerSelected(17, 3)).Batching(PerSelected(18, 2)),
        ["POST /messages/thread/{id}/delete"] = Fixed(3),
        ["POST /messages/thread/{id}/restore"] = Fixed(3),
        ["POST /messages/thread/{id}/archive"] = Fixed(3),
        ["POST /messages/thread/{id}/unread"] = Fixed(5).Portable(Fixed(6)),
        // Leaving and adding people lock the thread and read its latest message time first (SPEC §3.9: the order shown is the order stored).
        ["POST /messages/thread/{id}/leave"] = Fixed(6),
        ["POST /messages/thread/{id}/participants (one person)"] = Fixed(13, postgres: 12).Portable(Fixed(14)).Batching(Fixed(13)),
        // Per person added, on SQLite only: their participant row and their "joined" line.
        ["POST /messages/thread/{id}/participants (several people)"] = PerSelected(11, 2, postgres: (12, 0)).Portable(PerSelected(10, 4)).Batching(PerSelected(11, 2)),
        // Bulk actions: the same cost for 2 threads ticked as for 20.
        ["POST /messages/bulk (markRead)"] = Fixed(5),
        ["POST /messages/bulk (markUnread)"] = Fixed(5).Portable(Fixed(6)),
        ["POST /messages/bulk (archive)"] = Fixed(3),
        ["POST /messages/bulk (delete)"] = Fixed(3),
        ["POST /messages/bulk (restore)"] = Fixed(3),
        // The name, whether the two share a conversation, the block, then the page.
        ["POST /messages/blocked (block)"] = Fixed(5),
        ["POST /messages/blocked/remove (unblock)"] = Fixed(1),
        ["POST /messages/settings"] = Fixed(3),

        ["GET /messages/api/antiforgery"] = Fixed(0),
        ["GET /messages/api/unread-count"] = Fixed(1),
        ["GET /messages/api/folders/inbox"] = Fixed(2),
        ["GET /messages/api/folders/sent"] = Fixed(3),
        ["GET /messages/api/folders/archive"] = Fixed(2),
        ["GET /messages/api/folders/trash"] = Fixed(2),
        ["GET /messages/api/search"] = Fixed(2),
        ["GET /messages/api/search (less than a page)"] = Fixed(2, postgres: 3),
        ["GET /messages/api/recipients"] = Fixed(2),
        ["GET /messages/api/threads/{id} (newest page)"] = Fixed(2).Portable(Fixed(6)),
        ["GET /messages/api/threads/{id} (older page)"] = Fixed(2).Portable(Fixed(6)),
        ["GET /messages/api/threads/{id} (unread, marks read)"] = Fixed(8).Portable(Fixed(12)),
        ["POST /messages/api/threads (one recipient)"] = Fixed(8).Portable(Fixed(21)).Batching(Fixed(18)),
        ["POST /messages/api/threads (several recipients)"] = Fixed(8).Portable(PerSelected(17, 4)).Batching(PerSelected(16, 2)),
        ["POST /messages/api/threads/{id}/messages"] = Fixed(5).Portable(Fixed(20)),
        ["POST /messages/api/threads/{id}/messages (several participants)"] = Fixed(5).Portable(PerSelected(17, 3)).Batching(PerSelected(18, 2)),
        ["POST /messages/api/threads/{id}/participants (one person)"] = Fixed(14, postgres: 13).Portable(Fixed(15)).Batching(Fixed(14)),
        ["POST /messages/api/threads/{id}/participants (several people)"] = PerSelected(12, 2, postgres: (13, 0)).Portable(PerSelected(11, 4)).Batching(PerSelected(12, 2)),
        ["POST /messages/api/threads/{id}/delete"] = Fixed(3),
        ["POST /messages/api/threads/{id}/restore"] = Fixed(3),
        ["POST /messages/api/threads/{id}/archive"] = Fixed(3),
        ["POST /messages/api/threads/{id}/read"] = Fixed(5),
        ["POST /messages/api/threads/{id}/unread"] = Fixed(5).Portable(Fixed(6)),
        ["POST /messages/api/threads/{id}/leave"] = Fixed(6),
        ["POST /messages/api/threads/bulk (markRead)"] = Fixed(5),
        ["POST /messages/api/threads/bulk (markUnread)"] = Fixed(5).Portable(Fixed(6)),
        ["POST /messages/api/threads/bulk (archive)"] = Fixed(3),
        ["POST /messages/api/threads/bulk (delete)"] = Fixed(3),
        ["POST /messages/api/threads/bulk (restore)"] = Fixed(3),

        ["GET /messages/thread/{id}/report/{messageId}"] = Fixed(4),
        ["POST /messages/thread/{id}/report/{messageId}"] = Fixed(4),
        ["POST /messages/api/threads/{id}/messages/{messageId}/report"] = Fixed(4),
        ["GET /messages/moderation"] = Fixed(3),
        ["GET /messages/moderation/reports/{id}"] = Fixed(7),
        ["POST /messages/moderation/reports/{id} (dismiss)"] = Fixed(4),
        ["POST /messages/moderation/reports/{id} (remove and suspend)"] = Fixed(10, postgres: 8).Batching(Fixed(8)),
        ["GET /messages/moderation/suspensions"] = Fixed(3),
        ["POST /messages/moderation/suspensions/lift"] = Fixed(2),
        ["GET /messages/moderation/log"] = Fixed(3),
        ["GET /messages/moderation/held"] = Fixed(4),
        ["POST /messages/moderation/held/{id} (approve)"] = Fixed(9).Portable(Fixed(24)),
        ["POST /messages/moderation/held/{id} (reject)"] = Fixed(3),

        ["GET /messages/thread/{id}/messages/{messageId}/edit"] = Fixed(4),
        ["POST /messages/thread/{id}/messages/{messageId}/edit"] = Fixed(6),
        ["POST /messages/thread/{id}/messages/{messageId}/delete"] = Fixed(6),
        ["GET /messages/thread/{id}/messages/{messageId}/versions"] = Fixed(4),
        ["PUT /messages/api/threads/{id}/messages/{messageId}"] = Fixed(6),
        ["DELETE /messages/api/threads/{id}/messages/{messageId}"] = Fixed(6),
        ["GET /messages/api/threads/{id}/messages/{messageId}/versions"] = Fixed(3),
        ["GET /messages/attachments/{id}"] = Fixed(1),
        ["POST /messages/thread/{id}/mute"] = Fixed(4),
        ["POST /messages/thread/{id}/unmute"] = Fixed(3),
        ["POST /messages/api/threads/{id}/mute"] = Fixed(4),
        ["POST /messages/api/threads/{id}/unmute"] = Fixed(3),
        ["POST /messages/bulk (mute)"] = Fixed(4),
        ["POST /messages/api/attachments"] = Fixed(2),
    };

    /// <summary>The routes under the prefix that are not a page or JSON endpoint: the live-updates SignalR hub.</summary>
    private static readonly string[] NotMeasured = ["/messages/hub", "/messages/hub/negotiate"];

    /// <summary>Threads, messages or users in the database for the small and the large run.</summary>
    private static readonly Load Small = new(Rows: 5);
    private static readonly Load Large = new(Rows: 500);

    /// <summary>An older page needs more messages than one page (50): 60 messages, the older page holding 10.</summary>
    private static readonly Load OlderPageSmall = new(Rows: 60);

    /// <summary>
    /// Search on PostgreSQL reads the user's newest threads first, and only with less than a page of matches there asks how
    /// many threads the user has: pinned with a page of matches (30 and 500 threads) and with less than one (5 and 20).
    /// </summary>
    private static readonly Load SearchPageSmall = new(Rows: 30);
    private static readonly Load LessThanAPageSmall = new(Rows: 5);
    private static readonly Load LessThanAPageLarge = new(Rows: 20);

    /// <summary>For requests naming threads or people: 2 of 5, and 20 of 500 (a thread may have 20 people: adding is tested with 18).</summary>
    private static readonly Load FewSelected = new(Rows: 5, Selected: 2);
    private static readonly Load ManySelected = new(Rows: 500, Selected: 20);

    /// <summary>How each endpoint is exercised, by the names of <see cref="Expected"/>.</summary>
    private static readonly Dictionary<string, Scenario> Scenarios = new()
    {
        ["GET /messages (inbox)"] = OnData("GET /messages", (t, load) => t.FolderPageAsync(Paths.Inbox, ParticipantState.Active, load)),
        ["GET /messages/requests"] = OnData("GET /messages/requests", (t, load) => t.FolderPageAsync(MailboxPaths.Requests, ParticipantState.Request, load)),
        ["POST /messages/thread/{id}/answer (accept)"] = OnData("POST /messages/thread/{id}/answer", (t, load) => t.ThreadButtonAsync("um-accept", Changes.AcceptOnPage, load)),
        ["POST /messages/thread/{id}/answer (decline and block)"] = OnData("POST /messages/thread/{id}/answer", (t, load) => t.ThreadButtonAsync("um-decline-block", Changes.DeclineAndBlock, load)),
        ["POST /messages/bulk (accept)"] = OnSelection("POST /messages/bulk", (t, load) => t.BulkPageAsync(Changes.Accept, load)),
        ["GET /messages/api/folders/requests"] = OnData("GET /messages/api/folders/{folder}", (t, load) => t.ApiFolderAsync("requests", ParticipantState.Request, load)),
        ["POST /messages/api/threads/{id}/accept"] = OnData("POST /messages/api/threads/{id}/accept", (t, load) => t.ApiThreadChangeAsync("accept", Changes.Accept, load)),
        ["POST /messages/api/threads/{id}/decline"] = OnData("POST /messages/api/threads/{id}/decline", (t, load) => t.ApiThreadChangeAsync("decline", Changes.Decline, load)),
        ["POST /messages/api/threads/{id}/decline-and-block"] = OnData("POST /messages/api/threads/{id}/decline-and-block", (t, load) => t.ApiThreadChangeAsync("decline-and-block", Changes.DeclineAndBlock, load)),
        ["POST /messages/api/threads/bulk (decline)"] = OnSelection("POST /messages/api/threads/bulk", (t, load) => t.ApiBulkAsync(Changes.Decline, load)),
        ["GET /messages/sent"] = OnData("GET /messages/sent", (t, load) => t.FolderPageAsync(Paths.Sent, ParticipantState.Active, load)),
        ["GET /messages/archive"] = OnData("GET /messages/archive", (t, load) => t.FolderPageAsync(MailboxPaths.Archive, ParticipantState.Archived, load)),
        ["GET /messages/trash"] = OnData("GET /messages/trash", (t, load) => t.FolderPageAsync(Paths.Trash, ParticipantState.Deleted, load)),
        ["GET /messages/search"] = OnData("GET /messages/search", (t, load) => t.SearchPageAsync(load), SearchPageSmall),
        ["GET /messages/search (less than a page)"] = new("GET /messages/search", LessThanAPageSmall, LessThanAPageLarge, (t, load) => t.SearchPageAsync(load)),
        ["GET /messages/create"] = OnData("GET /messages/create", (t, load) => t.ComposePageAsync(load, addressed: false)),
        ["GET /messages/create/{userId}"] = OnData("GET /messages/create/{userId}", (t, load) => t.ComposePageAsync(load, addressed: true)),
        ["GET /messages/thread/{id} (newest page)"] = OnData("GET /messages/thread/{id}", (t, load) => t.ThreadPageAsync(load, unread: false)),
        ["GET /messages/thread/{id} (older page)"] = OnData("GET /messages/thread/{id}", (t, load) => t.OlderThreadPageAsync(load), small: OlderPageSmall),
        ["GET /messages/thread/{id} (unread, marks read)"] = OnData("GET /messages/thread/{id}", (t, load) => t.ThreadPageAsync(load, unread: true)),
        ["GET /messages/blocked"] = OnData("GET /messages/blocked", (t, load) => t.BlockedPageAsync(load)),
        ["GET /messages/settings"] = OnData("GET /messages/settings", (t, load) => t.SettingsPageAsync(load)),
        ["GET /messages/recipients"] = OnData("GET /messages/recipients", (t, load) => t.SuggestionsAsync(MailboxPaths.Recipients, load)),

        ["POST /messages/create (one recipient)"] = OnData("POST /messages/create", (t, load) => t.ComposeAsync(load, recipients: 1)),
        ["POST /messages/create (several recipients)"] = OnSelection("POST /messages/create", (t, load) => t.ComposeAsync(load, load.Selected)),
        ["POST /messages/thread/{id} (reply)"] = OnData("POST /messages/thread/{id}", (t, load) => t.ReplyAsync(load, recipients: 1)),
        ["POST /messages/thread/{id} (reply, several participants)"] = OnSelection("POST /messages/thread/{id}", (t, load) => t.ReplyAsync(load, load.Selected), many: new(Rows: 500, Selected: 19)),
        ["POST /messages/thread/{id}/delete"] = OnData("POST /messages/thread/{id}/delete", (t, load) => t.ThreadButtonAsync("um-delete", Changes.Delete, load)),
        ["POST /messages/thread/{id}/restore"] = OnData("POST /messages/thread/{id}/restore", (t, load) => t.ThreadButtonAsync("um-restore", Changes.Restore, load)),
        ["POST /messages/thread/{id}/archive"] = OnData("POST /messages/thread/{id}/archive", (t, load) => t.ThreadButtonAsync("um-archive", Changes.Archive, load)),
        ["POST /messages/thread/{id}/unread"] = OnData("POST /messages/thread/{id}/unread", (t, load) => t.ThreadButtonAsync("um-mark-unread", Changes.MarkUnread, load)),
        ["POST /messages/thread/{id}/leave"] = OnData("POST /messages/thread/{id}/leave", (t, load) => t.ThreadButtonAsync("um-leave", Changes.Leave, load)),
        ["POST /messages/thread/{id}/participants (one person)"] = OnData("POST /messages/thread/{id}/participants", (t, load) => t.AddPeopleAsync(load, people: 1)),
        ["POST /messages/thread/{id}/participants (several people)"] = OnSelection("POST /messages/thread/{id}/participants", (t, load) => t.AddPeopleAsync(load, load.Selected), many: new(Rows: 500, Selected: 18)),
        ["POST /messages/bulk (markRead)"] = OnSelection("POST /messages/bulk", (t, load) => t.BulkPageAsync(Changes.MarkRead, load)),
        ["POST /messages/bulk (markUnread)"] = OnSelection("POST /messages/bulk", (t, load) => t.BulkPageAsync(Changes.MarkUnread, load)),
        ["POST /messages/bulk (archive)"] = OnSelection("POST /messages/bulk", (t, load) => t.BulkPageAsync(Changes.Archive, load)),
        ["POST /messages/bulk (delete)"] = OnSelection("POST /messages/bulk", (t, load) => t.BulkPageAsync(Changes.Delete, load)),
        ["POST /messages/bulk (restore)"] = OnSelection("POST /messages/bulk", (t, load) => t.BulkPageAsync(Changes.Restore, load)),
        ["POST /messages/blocked (block)"] = OnData("POST /messages/blocked", (t, load) => t.BlockAsync(load)),
        ["POST /messages/blocked/remove (unblock)"] = OnData("POST /messages/blocked/remove", (t, load) => t.UnblockAsync(load)),
        ["POST /messages/settings"] = OnData("POST /messages/settings", (t, load) => t.SaveSettingsAsync(load)),

        ["GET /messages/api/antiforgery"] = OnData("GET /messages/api/antiforgery", (t, load) => t.ApiAntiforgeryAsync(load)),
        ["GET /messages/api/unread-count"] = OnData("GET /messages/api/unread-count", (t, load) => t.ApiUnreadCountAsync(load)),
        ["GET /messages/api/folders/inbox"] = OnData("GET /messages/api/folders/{folder}", (t, load) => t.ApiFolderAsync("inbox", ParticipantState.Active, load)),
        ["GET /messages/api/folders/sent"] = OnData("GET /messages/api/folders/{folder}", (t, load) => t.ApiFolderAsync("sent", ParticipantState.Active, load)),
        ["GET /messages/api/folders/archive"] = OnData("GET /messages/api/folders/{folder}", (t, load) => t.ApiFolderAsync("archive", ParticipantState.Archived, load)),
        ["GET /messages/api/folders/trash"] = OnData("GET /messages/api/folders/{folder}", (t, load) => t.ApiFolderAsync("trash", ParticipantState.Deleted, load)),
        ["GET /messages/api/search"] = OnData("GET /messages/api/search", (t, load) => t.ApiSearchAsync(load), SearchPageSmall),
        ["GET /messages/api/search (less than a page)"] = new("GET /messages/api/search", LessThanAPageSmall, LessThanAPageLarge, (t, load) => t.ApiSearchAsync(load)),
        ["GET /messages/api/recipients"] = OnData("GET /messages/api/recipients", (t, load) => t.SuggestionsAsync(ApiSteps.Root + "/recipients", load)),
        ["GET /messages/api/threads/{id} (newest page)"] = OnData("GET /messages/api/threads/{id}", (t, load) => t.ApiThreadAsync(load, unread: false)),
        ["GET /messages/api/threads/{id} (older page)"] = OnData("GET /messages/api/threads/{id}", (t, load) => t.ApiOlderThreadPageAsync(load), small: OlderPageSmall),
        ["GET /messages/api/threads/{id} (unread, marks read)"] = OnData("GET /messages/api/threads/{id}", (t, load) => t.ApiThreadAsync(load, unread: true)),
        ["POST /messages/api/threads (one recipient)"] = OnData("POST /messages/api/threads", (t, load) => t.ApiStartThreadAsync(load, recipients: 1)),
        ["POST /messages/api/threads (several recipients)"] = OnSelection("POST /messages/api/threads", (t, load) => t.ApiStartThreadAsync(load, load.Selected)),
        ["POST /messages/api/threads/{id}/messages"] = OnData("POST /messages/api/threads/{id}/messages", (t, load) => t.ApiReplyAsync(load, recipients: 1)),
        ["POST /messages/api/threads/{id}/messages (several participants)"] = OnSelection("POST /messages/api/threads/{id}/messages", (t, load) => t.ApiReplyAsync(load, load.Selected), many: new(Rows: 500, Selected: 19)),
        ["POST /messages/api/threads/{id}/participants (one person)"] = OnData("POST /messages/api/threads/{id}/participants", (t, load) => t.ApiAddPeopleAsync(load, people: 1)),
        ["POST /messages/api/threads/{id}/participants (several people)"] = OnSelection("POST /messages/api/threads/{id}/participants", (t, load) => t.ApiAddPeopleAsync(load, load.Selected), many: new(Rows: 500, Selected: 18)),
        ["POST /messages/api/threads/{id}/delete"] = OnData("POST /messages/api/threads/{id}/delete", (t, load) => t.ApiThreadChangeAsync("delete", Changes.Delete, load)),
        ["POST /messages/api/threads/{id}/restore"] = OnData("POST /messages/api/threads/{id}/restore", (t, load) => t.ApiThreadChangeAsync("restore", Changes.Restore, load)),
        ["POST /messages/api/threads/{id}/archive"] = OnData("POST /messages/api/threads/{id}/archive", (t, load) => t.ApiThreadChangeAsync("archive", Changes.Archive, load)),
        ["POST /messages/api/threads/{id}/read"] = OnData("POST /messages/api/threads/{id}/read", (t, load) => t.ApiThreadChangeAsync("read", Changes.MarkRead, load)),
        ["POST /messages/api/threads/{id}/unread"] = OnData("POST /messages/api/threads/{id}/unread", (t, load) => t.ApiThreadChangeAsync("unread", Changes.MarkUnread, load)),
        ["POST /messages/api/threads/{id}/leave"] = OnData("POST /messages/api/threads/{id}/leave", (t, load) => t.ApiThreadChangeAsync("leave", Changes.Leave, load)),
        ["POST /messages/api/threads/bulk (markRead)"] = OnSelection("POST /messages/api/threads/bulk", (t, load) => t.ApiBulkAsync(Changes.MarkRead, load)),
        ["POST /messages/api/threads/bulk (markUnread)"] = OnSelection("POST /messages/api/threads/bulk", (t, load) => t.ApiBulkAsync(Changes.MarkUnread, load)),
        ["POST /messages/api/threads/bulk (archive)"] = OnSelection("POST /messages/api/threads/bulk", (t, load) => t.ApiBulkAsync(Changes.Archive, load)),
        ["POST /messages/api/threads/bulk (delete)"] = OnSelection("POST /messages/api/threads/bulk", (t, load) => t.ApiBulkAsync(Changes.Delete, load)),
        ["POST /messages/api/threads/bulk (restore)"] = OnSelection("POST /messages/api/threads/bulk", (t, load) => t.ApiBulkAsync(Changes.Restore, load)),

        ["GET /messages/thread/{id}/report/{messageId}"] = OnData("GET /messages/thread/{id}/report/{messageId}", (t, load) => t.ReportPageAsync(load)),
        ["POST /messages/thread/{id}/report/{messageId}"] = OnData("POST /messages/thread/{id}/report/{messageId}", (t, load) => t.ReportAsync(load)),
        ["POST /messages/api/threads/{id}/messages/{messageId}/report"] = OnData("POST /messages/api/threads/{id}/messages/{messageId}/report", (t, load) => t.ApiReportAsync(load)),
        ["GET /messages/moderation"] = OnData("GET /messages/moderation", (t, load) => t.ModerationPageAsync(Paths.Moderation, ReportsAsync, "#um-reports > li", load)),
        ["GET /messages/moderation/reports/{id}"] = OnData("GET /messages/moderation/reports/{id}", (t, load) => t.ReportDetailAsync(load)),
        ["POST /messages/moderation/reports/{id} (dismiss)"] = OnData("POST /messages/moderation/reports/{id}", (t, load) => t.DecideAsync("dismiss", load)),
        ["POST /messages/moderation/reports/{id} (remove and suspend)"] = OnData("POST /messages/moderation/reports/{id}", (t, load) => t.DecideAsync("remove-and-suspend", load)),
        ["GET /messages/moderation/suspensions"] = OnData("GET /messages/moderation/suspensions", (t, load) => t.ModerationPageAsync(Paths.Suspensions, t.SuspensionsAsync, "#um-suspensions > li", load)),
        ["POST /messages/moderation/suspensions/lift"] = OnData("POST /messages/moderation/suspensions/lift", (t, load) => t.LiftAsync(load)),
        ["GET /messages/moderation/log"] = OnData("GET /messages/moderation/log", (t, load) => t.ModerationPageAsync(Paths.ModerationLog, LogAsync, "#um-log tbody tr", load)),
        ["GET /messages/moderation/held"] = OnData("GET /messages/moderation/held", (t, load) => t.ModerationPageAsync(Paths.Held, HeldAsync, "#um-held > li", load)),
        ["POST /messages/moderation/held/{id} (approve)"] = OnData("POST /messages/moderation/held/{id}", (t, load) => t.DecideHeldAsync("approve", load)),
        ["POST /messages/moderation/held/{id} (reject)"] = OnData("POST /messages/moderation/held/{id}", (t, load) => t.DecideHeldAsync("reject", load)),

        ["GET /messages/thread/{id}/messages/{messageId}/edit"] = OnData("GET /messages/thread/{id}/messages/{messageId}/edit", (t, load) => t.EditPageAsync(load)),
        ["POST /messages/thread/{id}/messages/{messageId}/edit"] = OnData("POST /messages/thread/{id}/messages/{messageId}/edit", (t, load) => t.EditAsync(load)),
        ["POST /messages/thread/{id}/messages/{messageId}/delete"] = OnData("POST /messages/thread/{id}/messages/{messageId}/delete", (t, load) => t.DeleteMessageAsync(load)),
        ["GET /messages/thread/{id}/messages/{messageId}/versions"] = OnData("GET /messages/thread/{id}/messages/{messageId}/versions", (t, load) => t.VersionsPageAsync(load)),
        ["PUT /messages/api/threads/{id}/messages/{messageId}"] = OnData("PUT /messages/api/threads/{id}/messages/{messageId}", (t, load) => t.ApiEditAsync(load)),
        ["DELETE /messages/api/threads/{id}/messages/{messageId}"] = OnData("DELETE /messages/api/threads/{id}/messages/{messageId}", (t, load) => t.ApiDeleteMessageAsync(load)),
        ["GET /messages/api/threads/{id}/messages/{messageId}/versions"] = OnData("GET /messages/api/threads/{id}/messages/{messageId}/versions", (t, load) => t.ApiVersionsAsync(load)),
        ["POST /messages/thread/{id}/mute"] = OnData("POST /messages/thread/{id}/mute", (t, load) => t.ThreadButtonAsync("um-mute", Changes.Mute, load)),
        ["POST /messages/thread/{id}/unmute"] = OnData("POST /messages/thread/{id}/unmute", (t, load) => t.ThreadButtonAsync("um-unmute", Changes.Unmute, load)),
        ["POST /messages/api/threads/{id}/mute"] = OnData("POST /messages/api/threads/{id}/mute", (t, load) => t.ApiThreadChangeAsync("mute", Changes.Mute, load)),
        ["POST /messages/api/threads/{id}/unmute"] = OnData("POST /messages/api/threads/{id}/unmute", (t, load) => t.ApiThreadChangeAsync("unmute", Changes.Unmute, load)),
        ["POST /messages/bulk (mute)"] = OnSelection("POST /messages/bulk", (t, load) => t.BulkPageAsync(Changes.Mute, load)),
        ["GET /messages/attachments/{id}"] = OnData("GET /messages/attachments/{id}", (t, load) => t.DownloadAsync(load)),
        ["POST /messages/api/attachments"] = OnData("POST /messages/api/attachments", (t, load) => t.ApiUploadAsync(load)),
    };

    private static int lastRun;

    private readonly List<BrowserClient> browsers = [];

    /// <summary>The number of the current run, in the names of its users: no other run's users match them.</summary>
    private int run;

    public static TheoryData<string> Endpoints => new(Scenarios.Keys);

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Endpoint_CostsItsPinnedNumberOfStatements_AndOneOpenOfTheConnection_OnSmallAndLargeData(string endpoint)
    {
        var scenario = Scenarios[endpoint];
        var small = await scenario.Run(this, scenario.Small);
        var opensSmall = App.Statements.LastOpens;
        var large = await scenario.Run(this, scenario.Large);
        var opensLarge = App.Statements.LastOpens;

        var provider = Provider;
        var measured = Cost.Fit(scenario.Small, small.Count, scenario.Large, large.Count);
        output.WriteLine($"Measured on {provider}: [\"{endpoint}\"] = {measured},");
        output.WriteLine($"  ({small.Count} statements with {scenario.Small}, {large.Count} with {scenario.Large})");
        output.WriteLine($"  (the connection opened {opensSmall} and {opensLarge} times)");
        var expected = Expected.TryGetValue(endpoint, out var pinned) ? pinned.On(TestDatabase.RunOn, TestDatabase.RunsPortableStore) : null;
        var failure = expected is null ? $"No pinned cost for '{endpoint}' in Expected; measured {measured} on {provider}."
            : scenario.Small.Selected == scenario.Large.Selected && small.Count != large.Count ? $"'{endpoint}' costs more statements on more data: {small.Count} with {scenario.Small}, {large.Count} with {scenario.Large}."
            : expected.For(scenario.Small) != small.Count || expected.For(scenario.Large) != large.Count ? $"'{endpoint}' is pinned at {expected} on {provider} but measured {measured}."
            : null;
        if (failure is not null)
        {
            Assert.Fail($"{failure}\n{Listing(scenario.Small, small)}\n{Listing(scenario.Large, large)}");
        }

        // The request's connection is opened once, however many statements and service calls it makes (none if it reads nothing).
        Assert.Equal(small.Count > 0 ? 1 : 0, opensSmall);
        Assert.Equal(large.Count > 0 ? 1 : 0, opensLarge);
    }

    [Fact]
    public void EveryPageAndApiRoute_IsMeasured_AndEveryMeasureIsPinned()
    {
        var mapped = App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Methods: e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["*"], Pattern: "/" + e.RoutePattern.RawText!.Trim('/')))
            .Where(e => e.Pattern.StartsWith("/messages", StringComparison.Ordinal) && !NotMeasured.Contains(e.Pattern))
            .SelectMany(e => e.Methods.Select(m => $"{m} {e.Pattern}"))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(mapped, Scenarios.Values.Select(s => s.Route).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(Scenarios.Keys.Order(StringComparer.Ordinal), Expected.Keys.Order(StringComparer.Ordinal));
    }

    public void Dispose()
    {
        foreach (var browser in browsers)
        {
            browser.Dispose();
        }
    }

    /// <summary>
    /// The sample host the class shares, with the e-mail digest's background poll pushed out of the tests' time
    /// so its statements never land in a measure, and pages rendered every time (KeptPagesTests pins what kept ones cost).
    /// </summary>
    private MessagesFactory App => sharedApp.GetOrCreate(() => new MessagesFactory(configureServices: services =>
        services.PostConfigure<UserMessagesOptions>(options =>
        {
            options.Notifications.PollInterval = TimeSpan.FromDays(1);
            options.KeptPages.Duration = TimeSpan.Zero;
        })));

    private static Pinned Fixed(int statements, int? postgres = null)
        => new(new(statements, 0), new(postgres ?? statements, 0));

    private static Pinned PerSelected(int statements, int perSelected, (int Statements, int PerSelected)? postgres = null)
        => new(new(statements, perSelected), postgres is { } p ? new(p.Statements, p.PerSelected) : new(statements, perSelected));

    private static Scenario OnData(string route, Func<StatementCountTests, Load, Task<IReadOnlyList<string>>> run, Load? small = null)
        => new(route, small ?? Small, Large, run);

    private static Scenario OnSelection(string route, Func<StatementCountTests, Load, Task<IReadOnlyList<string>>> run, Load? many = null)
        => new(route, FewSelected, many ?? ManySelected, run);

    private static string Listing(Load load, IReadOnlyList<string> statements)
    {
        var text = new StringBuilder($"--- {statements.Count} statements with {load}:\n");
        for (var i = 0; i < statements.Count; i++)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"[{i + 1}] {statements[i]}\n");
        }

        return text.ToString();
    }

    // ---- Pages --------------------------------------------------------------------------------

    private async Task<IReadOnlyList<string>> FolderPageAsync(string path, ParticipantState state, Load load)
    {
        var (app, alice, bob) = await StartAsync();
        await Seeder.MailboxAsync(app, alice.User, bob.User, load.Rows, state);
        await alice.GetPageAsync(path);

        var (page, statements) = await MeasureAsync(app, () => alice.GetPageAsync(path));

        AssertNewestRows(page, load);
        return statements;
    }

    private async Task<IReadOnlyList<string>> SearchPageAsync(Load load)
    {
        var (app, alice, bob) = await StartAsync();
        await Seeder.MailboxAsync(app, alice.User, bob.User, load.Rows);
        var inbox = await alice.GetPageAsync(Paths.Inbox);
        await alice.SubmitGetFormAsync(inbox, "#um-search-form", new Dictionary<string, string> { ["q"] = "thread" });

        var (page, statements) = await MeasureAsync(app, () => alice.SubmitGetFormAsync(inbox, "#um-search-form", new Dictionary<string, string> { ["q"] = "thread" }));

        AssertNewestRows(page, load);
        return statements;
    }

    private async Task<IReadOnlyList<string>> ComposePageAsync(Load load, bool addressed)
    {
        var (app, alice, bob) = await StartAsync();
        await Seeder.MailboxAsync(app, alice.User, bob.User, load.Rows);
        var path = addressed ? Paths.CreateTo(bob.Id) : Paths.Create;
        await alice.GetPageAsync(path);

        var (page, statements) = await MeasureAsync(app, () => alice.GetPageAsync(path));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(addressed ? [bob.Id] : [], page.Document.QuerySelectorAll("#um-to-chosen input[name='ToId']").Select(i => i.GetAttribute("value")));
        return statements;
    }

    private async Task<IReadOnlyList<string>> ThreadPageAsync(Load load, bool unread)
    {
        var (app, alice, bob) = await StartAsync();
        var threadId = await Seeder.ConversationAsync(app, alice.User, bob.User, load.Rows, unread);
        if (!unread)
        {
            await alice.GetPageAsync(Paths.Thread(threadId));
        }

        var (page, statements) = await MeasureAsync(app, () => alice.GetPageAsync(Paths.Thread(threadId)));

        AssertMessages(page, first: Math.Max(1, load.Rows - ThreadPageSize + 1), last: load.Rows);
        Assert.False(await IsUnreadAsync(app, alice.User, threadId));
        return statements;
    }

    private async Task<IReadOnlyList<string>> OlderThreadPageAsync(Load load)
    {
        var (app, alice, bob) = await StartAsync();
        var threadId = await Seeder.ConversationAsync(app, alice.User, bob.User, load.Rows);
        var newest = await alice.GetPageAsync(Paths.Thread(threadId));
        var older = newest.Single("[data-um-page-link='older']").GetAttribute("href")!;
        await alice.GetPageAsync(older);

        var (page, statements) = await MeasureAsync(app, () => alice.GetPageAsync(older));

        AssertMessages(page, first: Math.Max(1, load.Rows - (2 * ThreadPageSize) + 1), last: load.Rows - ThreadPageSize);
        return statements;
    }

    private async Task<IReadOnlyList<string>> BlockedPageAsync(Load load)
    {
        var (app, alice, _) = await StartAsync();
        await Seeder.BlocksAsync(app, alice.User, await UsersAsync(app, "blocked", load.Rows));
        await alice.GetPageAsync(MailboxPaths.Blocked);

        var (page, statements) = await MeasureAsync(app, () => alice.GetPageAsync(MailboxPaths.Blocked));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(load.Rows, page.Document.QuerySelectorAll("#um-blocked-list [data-um-user-id]").Length);
        return statements;
    }

    private async Task<IReadOnlyList<string>> SettingsPageAsync(Load load)
    {
        var (app, alice, bob) = await StartAsync();
        await Seeder.MailboxAsync(app, alice.User, bob.User, load.Rows);
        await alice.GetPageAsync(MailboxPaths.Settings);

        var (page, statements) = await MeasureAsync(app, () => alice.GetPageAsync(MailboxPaths.Settings));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.True(page.Single("#um-notify").HasAttribute("checked"));
        return statements;
    }

    /// <summary>The recipient type-ahead of the pages or of the API, with <see cref="Load.Rows"/> users matching.</summary>
    private async Task<IReadOnlyList<string>> SuggestionsAsync(string path, Load load)
    {
        var (app, alice, _) = await StartAsync();
        await UsersAsync(app, "friend", load.Rows);
        var url = $"{path}?q=friend{run}-";
        await alice.GetJsonAsync(url);

        var (json, statements) = await MeasureAsync(app, () => alice.GetJsonAsync(url));

        using (json)
        {
            Assert.Equal(Math.Min(load.Rows, 10), json.RootElement.GetArrayLength());
            Assert.All(json.RootElement.EnumerateArray(), u => Assert.StartsWith("friend", u.GetProperty("displayName").GetString(), StringComparison.Ordinal));
        }

        return statements;
    }

    private async Task<IReadOnlyList<string>> ComposeAsync(Load load, int recipients)
    {
        var (app, alice, bob) = await StartAsync();
        await Seeder.MailboxAsync(app, alice.User, bob.User, load.Rows);
        var to = recipients == 1 ? [bob.User] : await UsersAsync(app, "friend", recipients);
        var form = await alice.GetPageAsync(Paths.Create);
        var fields = MessagingSteps.ComposeFields(string.Join(", ", to.Select(u => u.UserName)), "Lunch", "Noon?");

        var (response, statements) = await MeasureAsync(app, () => alice.SubmitFormAsync(form, "#um-compose-form", fields));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await AssertStartedAsync(app, Paths.ThreadIdOf(response), alice.User, to);
        return statements;
    }

    /// <summary>Alice replies in a conversation of <see cref="Load.Rows"/> messages with bob and <paramref name="recipients"/> - 1 more people.</summary>
    private async Task<IReadOnlyList<string>> ReplyAsync(Load load, int recipients)
    {
        var (app, alice, bob) = await StartAsync();
        var threadId = await ConversationWithAsync(app, alice, bob, load, recipients);
        var page = await alice.GetPageAsync(Paths.Thread(threadId));

        var (response, statements) = await MeasureAsync(app, () => alice.SubmitFormAsync(page, "#um-reply-form", new Dictionary<string, string> { ["Content"] = "See you" }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await AssertRepliedAsync(app, threadId, alice.User, load, recipients);
        return statements;
    }

    /// <summary>Presses a button of the thread page (on the newest of <see cref="Load.Rows"/> threads in the folder the change starts from).</summary>
    private async Task<IReadOnlyList<string>> ThreadButtonAsync(string buttonId, Change change, Load load)
    {
        var (app, alice, bob) = await StartAsync();
        var threadId = (await MailboxForAsync(app, alice.User, bob.User, load.Rows, change))[^1];
        var page = await alice.GetPageAsync(Paths.Thread(threadId));
        Assert.Equal(HttpStatusCode.OK, page.Status);

        var (response, statements) = await MeasureAsync(app, () => alice.PressAsync(page, "#" + buttonId));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await AssertChangedAsync(app, alice.User, [threadId], change);
        return statements;
    }

    private async Task<IReadOnlyList<string>> AddPeopleAsync(Load load, int people)
    {
        var (app, alice, bob) = await StartAsync();
        var threadId = await Seeder.ConversationAsync(app, alice.User, bob.User, load.Rows);
        var added = await UsersAsync(app, "friend", people);
        var page = await alice.GetPageAsync(Paths.Thread(threadId));
        var fields = new Dictionary<string, string> { ["To"] = string.Join(", ", added.Select(u => u.UserName)) };

        var (response, statements) = await MeasureAsync(app, () => alice.SubmitFormAsync(page, "#um-add-people-form", fields));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await AssertInThreadAsync(app, threadId, added);
        return statements;
    }

    /// <summary>Ticks the newest <see cref="Load.Selected"/> of <see cref="Load.Rows"/> threads on the folder page and presses a bulk button.</summary>
    private async Task<IReadOnlyList<string>> BulkPageAsync(Change change, Load load)
    {
        var (app, alice, bob) = await StartAsync();
        var ticked = (await MailboxForAsync(app, alice.User, bob.User, load.Rows, change)).TakeLast(load.Selected).ToList();
        var page = await alice.GetPageAsync(change.From switch { ParticipantState.Deleted => Paths.Trash, ParticipantState.Request => MailboxPaths.Requests, _ => Paths.Inbox });
        foreach (var id in ticked)
        {
            page.Tick($"#um-thread-list [data-um-thread-id='{id}'] input[type='checkbox'][name='ids']");
        }

        var (response, statements) = await MeasureAsync(app, () => alice.PressAsync(page, $"#um-bulk-form [data-um-bulk='{change.Action.ToLowerInvariant()}']"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await AssertChangedAsync(app, alice.User, ticked, change);
        return statements;
    }

    private async Task<IReadOnlyList<string>> BlockAsync(Load load)
    {
        var (app, alice, bob) = await StartAsync();
        await Seeder.BlocksAsync(app, alice.User, await UsersAsync(app, "blocked", load.Rows));
        await Seeder.ThreadsAsync(app, alice.User, bob.User, 1);
        var page = await alice.GetPageAsync(MailboxPaths.Blocked);

        var (response, statements) = await MeasureAsync(app, () => alice.SubmitFormAsync(page, "#um-block-form", new Dictionary<string, string> { ["Name"] = bob.UserName }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(load.Rows + 1, await app.WithDbAsync(db => db.Set<UserBlock>().CountAsync(b => b.BlockerId == alice.Id)));
        Assert.True(await app.WithDbAsync(db => db.Set<UserBlock>().AnyAsync(b => b.BlockerId == alice.Id && b.BlockedId == bob.Id)));
        return statements;
    }

    private async Task<IReadOnlyList<string>> UnblockAsync(Load load)
    {
        var (app, alice, _) = await StartAsync();
        var blocked = await UsersAsync(app, "blocked", load.Rows);
        await Seeder.BlocksAsync(app, alice.User, blocked);
        var page = await alice.GetPageAsync(MailboxPaths.Blocked);
        var form = $"#um-blocked-list [data-um-user-id='{blocked[0].Id}'] form[data-um-action='unblock']";

        var (response, statements) = await MeasureAsync(app, () => alice.SubmitFormAsync(page, form));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(load.Rows - 1, await app.WithDbAsync(db => db.Set<UserBlock>().CountAsync(b => b.BlockerId == alice.Id)));
        Assert.False(await app.WithDbAsync(db => db.Set<UserBlock>().AnyAsync(b => b.BlockerId == alice.Id && b.BlockedId == blocked[0].Id)));
        return statements;
    }

    private async Task<IReadOnlyList<string>> SaveSettingsAsync(Load load)
    {
        var (app, alice, bob) = await StartAsync();
        await Seeder.MailboxAsync(app, alice.User, bob.User, load.Rows);
        var page = await alice.GetPageAsync(MailboxPaths.Settings);
        page.Untick("#um-notify");

        var (response, statements) = await MeasureAsync(app, () => alice.PressAsync(page, "#um-settings-save"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Set<MessagingPreferences>().Where(p => p.UserId == alice.Id).Select(p => p.NotifyByEmail).SingleAsync()));
        return statements;
    }

    // ---- JSON API -----------------------------------------------------------------------------

    private async Task<IReadOnlyList<string>> ApiAntiforgeryAsync(Load load)
    {
        var (app, alice, bob) = await StartAsync();
        await Seeder.MailboxAsync(app, alice.User, bob.User, load.Rows);
        await alice.GetJsonAsync(ApiSteps.Antiforgery);

        var (json, statements) = await MeasureAsync(app, () => alice.GetJsonAsync(ApiSteps.Antiforgery));

        using (json)
        {
            Assert.False(string.IsNullOrEmpty(json.RootElement.GetProperty("token").GetString()));
        }

        return statements;
    }

    private async Task<IReadOnlyList<string>> ApiUnreadCountAsync(Load load)
    {
        var (app, alice, bob) = await StartAsync();
        await Seeder.MailboxAsync(app, alice.User, bob.User, load.Rows, unread: true);
        await alice.GetJsonAsync(ApiSteps.UnreadCount);

        var (count, statements) = await MeasureAsync(app, alice.ApiUnreadCountAsync);

        Assert.Equal(load.Rows, count);
        return statements;
    }

    private async Task<IReadOnlyList<string>> ApiFolderAsync(string folder, ParticipantState state, Load load)
    {
        var (app, alice, bob) = await StartAsync();
        var ids = await Seeder.MailboxAsync(app, alice.User, bob.User, load.Rows, state);
        await alice.GetJsonAsync(ApiSteps.Folder(folder));

        var (shown, statements) = await MeasureAsync(app, () => alice.ApiFolderIdsAsync(folder));

        Assert.Equal(ids.Reverse().Take(PageSize), shown);
        return statements;
    }

    private async Task<IReadOnlyList<string>> ApiSearchAsync(Load load)
    {
        var (app, alice, bob) = await StartAsync();
        var ids = await Seeder.MailboxAsync(app, alice.User, bob.User, load.Rows);
        var url = ApiSteps.Root + "/search?q=thread";
        await alice.GetJsonAsync(url);

        var (json, statements) = await MeasureAsync(app, () => alice.GetJsonAsync(url));

        using (json)
        {
            Assert.Equal(ids.Reverse().Take(PageSize), json.RootElement.GetProperty("threads").EnumerateArray().Select(t => t.GetProperty("id").GetInt64()));
        }

        return statements;
    }

    private async Task<IReadOnlyList<string>> ApiThreadAsync(Load load, bool unread)
    {
        var (app, alice, bob) = await StartAsync();
        var threadId = await Seeder.ConversationAsync(app, alice.User, bob.User, load.Rows, unread);
        if (!unread)
        {
            await alice.GetJsonAsync(ApiSteps.Thread(threadId));
        }

        var (json, statements) = await MeasureAsync(app, () => alice.GetJsonAsync(ApiSteps.Thread(threadId)));

        using (json)
        {
            AssertMessages(json, first: Math.Max(1, load.Rows - ThreadPageSize + 1), last: load.Rows);
        }

        Assert.False(await IsUnreadAsync(app, alice.User, threadId));
        return statements;
    }

    private async Task<IReadOnlyList<string>> ApiOlderThreadPageAsync(Load load)
    {
        var (app, alice, bob) = await StartAsync();
        var threadId = await Seeder.ConversationAsync(app, alice.User, bob.User, load.Rows);
        string url;
        using (var newest = await alice.GetJsonAsync(ApiSteps.Thread(threadId)))
        {
            url = $"{ApiSteps.Thread(threadId)}?before={Uri.EscapeDataString(newest.RootElement.GetProperty("olderCursor").GetString()!)}";
        }

        await alice.GetJsonAsync(url);

        var (json, statements) = await MeasureAsync(app, () => alice.GetJsonAsync(url));

        using (json)
        {
            AssertMessages(json, first: Math.Max(1, load.Rows - (2 * ThreadPageSize) + 1), last: load.Rows - ThreadPageSize);
        }

        return statements;
    }

    private async Task<IReadOnlyList<string>> ApiStartThreadAsync(Load load, int recipients)
    {
        var (app, alice, bob) = await StartAsync();
        await Seeder.MailboxAsync(app, alice.User, bob.User, load.Rows);
        var to = recipients == 1 ? [bob.User] : await UsersAsync(app, "friend", recipients);
        await alice.UseAntiforgeryAsync();

        var (response, statements) = await MeasureAsync(app, () => alice.PostJsonAsync(ApiSteps.Threads, new { to = to.Select(u => u.UserName), subject = "Lunch", content = "Noon?" }));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        await AssertStartedAsync(app, json.RootElement.GetProperty("threadId").GetInt64(), alice.User, to);
        return statements;
    }

    private async Task<IReadOnlyList<string>> ApiReplyAsync(Load load, int recipients)
    {
        var (app, alice, bob) = await StartAsync();
        var threadId = await ConversationWithAsync(app, alice, bob, load, recipients);
        await alice.UseAntiforgeryAsync();

        var (response, statements) = await MeasureAsync(app, () => alice.PostJsonAsync(ApiSteps.Thread(threadId) + "/messages", new { content = "See you" }));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        await AssertRepliedAsync(app, threadId, alice.User, load, recipients);
        return statements;
    }

    private async Task<IReadOnlyList<string>> ApiAddPeopleAsync(Load load, int people)
    {
        var (app, alice, bob) = await StartAsync();
        var threadId = await Seeder.ConversationAsync(app, alice.User, bob.User, load.Rows);
        var added = await UsersAsync(app, "friend", people);
        await alice.UseAntiforgeryAsync();

        var (response, statements) = await MeasureAsync(app, () => alice.PostJsonAsync(ApiSteps.Thread(threadId) + "/participants", new { to = added.Select(u => u.UserName) }));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await AssertInThreadAsync(app, threadId, added);
        return statements;
    }

    private async Task<IReadOnlyList<string>> ApiThreadChangeAsync(string action, Change change, Load load)
    {
        var (app, alice, bob) = await StartAsync();
        var threadId = (await MailboxForAsync(app, alice.User, bob.User, load.Rows, change))[^1];
        await alice.UseAntiforgeryAsync();

        var (response, statements) = await MeasureAsync(app, () => alice.PostAsync($"{ApiSteps.Thread(threadId)}/{action}"));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await AssertChangedAsync(app, alice.User, [threadId], change);
        return statements;
    }

    private async Task<IReadOnlyList<string>> ApiBulkAsync(Change change, Load load)
    {
        var (app, alice, bob) = await StartAsync();
        var ids = (await MailboxForAsync(app, alice.User, bob.User, load.Rows, change)).TakeLast(load.Selected).ToList();
        await alice.UseAntiforgeryAsync();

        var (response, statements) = await MeasureAsync(app, () => alice.PostJsonAsync(ApiSteps.Bulk, new { action = change.Action, ids }));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await AssertChangedAsync(app, alice.User, ids, change);
        return statements;
    }

    // ---- Helpers ------------------------------------------------------------------------------

    /// <summary>A new run in the shared app: alice and bob of its own, each with a browser.</summary>
    private async Task<(MessagesFactory App, BrowserClient Alice, BrowserClient Bob)> StartAsync()
    {
        run = Interlocked.Increment(ref lastRun);
        var alice = App.CreateBrowser(await App.CreateUserAsync($"alice.{run}@example.com", "Alice"));
        var bob = App.CreateBrowser(await App.CreateUserAsync($"bob.{run}@example.com", "Bob"));
        browsers.AddRange([alice, bob]);
        return (App, alice, bob);
    }

    /// <summary><paramref name="count"/> users of this run, named <c>{prefix}{run}-{i}@example.com</c>.</summary>
    private Task<IReadOnlyList<TestUser>> UsersAsync(MessagesFactory app, string prefix, int count)
        => Seeder.UsersAsync(app, $"{prefix}{run}-", count);

    /// <summary>A conversation of <see cref="Load.Rows"/> messages between alice and bob, with <paramref name="recipients"/> - 1 more people in it.</summary>
    private async Task<long> ConversationWithAsync(MessagesFactory app, BrowserClient alice, BrowserClient bob, Load load, int recipients)
    {
        var others = recipients == 1 ? [] : await UsersAsync(app, "friend", recipients - 1);
        return await Seeder.ConversationAsync(app, alice.User, bob.User, load.Rows, others: others);
    }

    private static async Task<(T Result, IReadOnlyList<string> Statements)> MeasureAsync<T>(MessagesFactory app, Func<Task<T>> request)
    {
        T result = default!;
        var statements = await app.Statements.MeasureAsync(async () => result = await request());
        return (result, statements);
    }

    /// <summary>A folder or search page shows the newest page of "Thread 1".."Thread n", newest first.</summary>
    private static void AssertNewestRows(HtmlPage page, Load load)
    {
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var subjects = page.Document.QuerySelectorAll("#um-thread-list .um-thread__subject").Select(s => s.TextContent.Trim());
        Assert.Equal(Enumerable.Range(1, load.Rows).Reverse().Take(PageSize).Select(i => $"Thread {i}"), subjects);
    }

    private static void AssertMessages(HtmlPage page, int first, int last)
    {
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var contents = page.Document.QuerySelectorAll("#um-messages .um-message__content").Select(c => c.TextContent);
        Assert.Equal(Enumerable.Range(first, last - first + 1).Select(i => $"Message {i}"), contents);
    }

    private static void AssertMessages(JsonDocument thread, int first, int last)
    {
        var contents = thread.RootElement.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("content").GetString());
        Assert.Equal(Enumerable.Range(first, last - first + 1).Select(i => $"Message {i}"), contents);
    }

    private static Task<bool> IsUnreadAsync(MessagesFactory app, TestUser user, long threadId)
        => app.WithDbAsync(db => db.Set<ThreadParticipant>().Where(p => p.ThreadId == threadId && p.UserId == user.Id).Select(p => p.IsUnread).SingleAsync());

    /// <summary>The new thread holds the one message, from the sender to exactly <paramref name="to"/>, unread by them.</summary>
    private static async Task AssertStartedAsync(MessagesFactory app, long threadId, TestUser sender, IReadOnlyList<TestUser> to)
    {
        var (subject, messages, unreadBy) = await app.WithDbAsync(async db => (
            await db.Set<MessageThread>().Where(t => t.Id == threadId).Select(t => t.Subject).SingleAsync(),
            await db.Set<Message>().Where(m => m.ThreadId == threadId).Select(m => m.SenderId + ":" + m.Content).ToListAsync(),
            await db.Set<ThreadParticipant>().Where(p => p.ThreadId == threadId && p.IsUnread).Select(p => p.UserId).ToListAsync()));
        Assert.Equal("Lunch", subject);
        Assert.Equal(new[] { sender.Id + ":Noon?" }, messages);
        Assert.Equal(to.Select(u => u.Id).Order(StringComparer.Ordinal), unreadBy.Order(StringComparer.Ordinal));
    }

    /// <summary>The reply is the thread's newest message, after the <see cref="Load.Rows"/> seeded ones, unread by every recipient.</summary>
    private static async Task AssertRepliedAsync(MessagesFactory app, long threadId, TestUser sender, Load load, int recipients)
    {
        var (count, newest, unreadBy) = await app.WithDbAsync(async db => (
            await db.Set<Message>().CountAsync(m => m.ThreadId == threadId),
            await db.Set<Message>().Where(m => m.ThreadId == threadId).OrderByDescending(m => m.Id).Select(m => m.SenderId + ":" + m.Content).FirstAsync(),
            await db.Set<ThreadParticipant>().CountAsync(p => p.ThreadId == threadId && p.IsUnread)));
        Assert.Equal(load.Rows + 1, count);
        Assert.Equal(sender.Id + ":See you", newest);
        Assert.Equal(recipients, unreadBy);
    }

    private static async Task AssertInThreadAsync(MessagesFactory app, long threadId, IReadOnlyList<TestUser> added)
    {
        var ids = added.Select(u => u.Id).ToList();
        var active = await app.WithDbAsync(db => db.Set<ThreadParticipant>()
            .CountAsync(p => p.ThreadId == threadId && ids.Contains(p.UserId) && p.State == ParticipantState.Active));
        Assert.Equal(added.Count, active);
    }

    /// <summary>Exactly <paramref name="threadIds"/> of the user's threads went where <paramref name="change"/> leads; the others stayed.</summary>
    private static async Task AssertChangedAsync(MessagesFactory app, TestUser user, IReadOnlyList<long> threadIds, Change change)
    {
        var rows = await app.WithDbAsync(db => db.Set<ThreadParticipant>().Where(p => p.UserId == user.Id)
            .Select(p => new { p.ThreadId, p.State, p.IsUnread, p.IsMuted }).ToListAsync());
        var changed = rows.Where(r => r.State == change.To && r.IsUnread == change.ToUnread && r.IsMuted == change.ToMuted).Select(r => r.ThreadId).Order().ToList();
        Assert.Equal(threadIds.Order(), changed);
    }

    /// <summary>The reader's threads <paramref name="change"/> starts from (muted ones too, for an unmute), newest last.</summary>
    private static async Task<IReadOnlyList<long>> MailboxForAsync(MessagesFactory app, TestUser reader, TestUser writer, int count, Change change)
    {
        var ids = await Seeder.MailboxAsync(app, reader, writer, count, change.From, change.FromUnread);
        if (change.FromMuted)
        {
            await app.WithDbAsync(db => db.Set<ThreadParticipant>().Where(p => p.UserId == reader.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.IsMuted, true)));
        }

        return ids;
    }

    /// <summary>Database rows (threads, messages or users) behind a request, and how many threads or people it names.</summary>
    private readonly record struct Load(int Rows, int Selected = 1)
    {
        public override string ToString() => Selected == 1 ? $"{Rows} rows" : $"{Selected} selected of {Rows} rows";
    }

    private sealed record Scenario(string Route, Load Small, Load Large, Func<StatementCountTests, Load, Task<IReadOnlyList<string>>> Run);

    /// <summary>This run's engine and store, as the measures name it.</summary>
    private static string Provider => TestDatabase.RunOn switch
    {
        TestEngine.MariaDb => "MariaDB",
        TestEngine.Postgres => TestDatabase.RunsPortableStore ? "PostgreSQL, portable store" : "PostgreSQL",
        _ => TestDatabase.RunsPortableStore ? "SQLite, portable store" : "SQLite",
    };

    /// <summary>
    /// The pinned cost of an endpoint with each store: the SQL store on SQLite and on PostgreSQL, the
    /// portable store (on SQLite; the same as the SQL store's on SQLite unless given), and the portable
    /// store on MariaDB and PostgreSQL (the same as on SQLite unless given: EF Core batches inserts there).
    /// </summary>
    private sealed record Pinned(Cost Sqlite, Cost Postgres, Cost? PortableCost = null, Cost? BatchingCost = null)
    {
        public Cost On(TestEngine engine, bool portableStore) => engine switch
        {
            TestEngine.MariaDb or TestEngine.Postgres when portableStore => BatchingCost ?? PortableCost ?? Sqlite,
            _ when portableStore => PortableCost ?? Sqlite,
            TestEngine.Postgres => Postgres,
            _ => Sqlite,
        };

        /// <summary>This cost, with the portable store's on SQLite.</summary>
        public Pinned Portable(Pinned portable) => this with { PortableCost = portable.Sqlite };

        /// <summary>This cost, with the portable store's where EF Core batches inserts (MariaDB, PostgreSQL).</summary>
        public Pinned Batching(Pinned batching) => this with { BatchingCost = batching.Sqlite };
    }

    /// <summary>A cost: <see cref="Statements"/>, plus <see cref="PerSelectedStatements"/> for each thread or person the request names.</summary>
    private sealed record Cost(int Statements, int PerSelectedStatements)
    {
        public int For(Load load) => Statements + (PerSelectedStatements * load.Selected);

        /// <summary>The cost the two measures describe (per selected only when they name different numbers).</summary>
        public static Cost Fit(Load small, int smallCount, Load large, int largeCount)
        {
            if (small.Selected == large.Selected)
            {
                return new(largeCount, 0);
            }

            var perSelected = (largeCount - smallCount) / (large.Selected - small.Selected);
            return new(smallCount - (perSelected * small.Selected), perSelected);
        }

        public override string ToString() => PerSelectedStatements == 0
            ? $"Fixed({Statements})"
            : $"PerSelected({Statements}, {PerSelectedStatements})";
    }

    /// <summary>A change of the user's own state of threads: the action's name, the state it starts from and the one it leads to.</summary>
    private sealed record Change(string Action, ParticipantState From, bool FromUnread, ParticipantState To, bool ToUnread)
    {
        public bool FromMuted { get; init; }

        public bool ToMuted { get; init; }
    }

    private static class Changes
    {
        public static readonly Change MarkRead = new("markRead", ParticipantState.Active, true, ParticipantState.Active, false);
        public static readonly Change MarkUnread = new("markUnread", ParticipantState.Active, false, ParticipantState.Active, true);
        public static readonly Change Archive = new("archive", ParticipantState.Active, false, ParticipantState.Archived, false);
        public static readonly Change Delete = new("delete", ParticipantState.Active, false, ParticipantState.Deleted, false);
        public static readonly Change Restore = new("restore", ParticipantState.Deleted, false, ParticipantState.Active, false);
        public static readonly Change Leave = new("leave", ParticipantState.Active, false, ParticipantState.Left, false);
        public static readonly Change Accept = new("accept", ParticipantState.Request, true, ParticipantState.Active, true);

        // On the thread page: opening it has read the thread before the button is pressed.
        public static readonly Change AcceptOnPage = Accept with { ToUnread = false };
        public static readonly Change Decline = new("decline", ParticipantState.Request, true, ParticipantState.Declined, false);
        public static readonly Change DeclineAndBlock = new("declineAndBlock", ParticipantState.Request, true, ParticipantState.Declined, false);
        public static readonly Change Mute = new("mute", ParticipantState.Active, false, ParticipantState.Active, false) { ToMuted = true };
        public static readonly Change Unmute = new("unmute", ParticipantState.Active, false, ParticipantState.Active, false) { FromMuted = true };
    }
}
