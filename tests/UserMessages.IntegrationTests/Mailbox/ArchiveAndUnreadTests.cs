using System.Net;
using UserMessages.IntegrationTests.Infrastructure;

namespace UserMessages.IntegrationTests.Mailbox;

/// <summary>Issue 3 §1: the thread page's Archive and Mark unread buttons.</summary>
public sealed class ArchiveAndUnreadTests : MessagingTest, IClassFixture<SharedApp>
{
    public ArchiveAndUnreadTests(SharedApp app)
        : base(app)
    {
    }

    [Fact]
    public async Task ArchiveFromTheThreadPage_TakesTheThreadOutOfTheInbox_AndListsItInTheArchive()
    {
        var threadId = await Alice.StartThreadAsync(Bob.UserName, "Trip", "Shall we go in May?");

        var response = await Alice.PressThreadButtonAsync(threadId, "um-archive");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(Paths.Inbox, response.Headers.Location!.OriginalString);
        var inbox = await Alice.FollowRedirectAsync(response);
        Assert.Null(inbox.ThreadRow(threadId));
        var archive = await Alice.GetPageAsync(MailboxPaths.Archive);
        Assert.Equal(HttpStatusCode.OK, archive.Status);
        Assert.Equal(new[] { threadId }, archive.RowIds());
        Assert.Null((await Alice.GetPageAsync(Paths.Trash)).ThreadRow(threadId));
    }

    [Fact]
    public async Task ArchivedThread_StillOpens_SaysItIsArchived_AndOffersMoveToInbox()
    {
        var threadId = await Alice.StartThreadAsync(Bob.UserName, "Trip", "Shall we go in May?");
        await Alice.PressThreadButtonAsync(threadId, "um-archive");

        var thread = await Alice.GetPageAsync(Paths.Thread(threadId));

        Assert.Equal(HttpStatusCode.OK, thread.Status);
        Assert.Equal("archived", thread.Single("#user-messages").GetAttribute("data-um-state"));
        Assert.NotNull(thread.Find("#um-in-archive"));
        Assert.Null(thread.Find("#um-archive"));
        Assert.NotNull(thread.Find("#um-restore"));
        Assert.Equal(MailboxPaths.Archive, thread.Single(".um-back").GetAttribute("href"));
    }

    [Fact]
    public async Task Archive_ChangesOnlyTheArchiversMailbox()
    {
        var threadId = await Alice.StartThreadAsync(Bob.UserName, "Trip", "Shall we go in May?");

        await Alice.PressThreadButtonAsync(threadId, "um-archive");

        Assert.NotNull((await Bob.GetPageAsync(Paths.Inbox)).ThreadRow(threadId));
        Assert.Null((await Bob.GetPageAsync(MailboxPaths.Archive)).ThreadRow(threadId));
    }

    [Fact]
    public async Task MoveToInbox_FromAnArchivedThreadPage_BringsItBack()
    {
        var threadId = await Alice.StartThreadAsync(Bob.UserName, "Trip", "Shall we go in May?");
        await Alice.PressThreadButtonAsync(threadId, "um-archive");

        var response = await Alice.PressThreadButtonAsync(threadId, "um-restore");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.NotNull((await Alice.GetPageAsync(Paths.Inbox)).ThreadRow(threadId));
        Assert.Null((await Alice.GetPageAsync(MailboxPaths.Archive)).ThreadRow(threadId));
    }

    [Fact]
    public async Task ReplyToAnArchivedThread_BringsItBackToTheInboxUnread()
    {
        var threadId = await Alice.StartThreadAsync(Bob.UserName, "Trip", "Shall we go in May?");
        await Alice.PressThreadButtonAsync(threadId, "um-archive");

        await Bob.ReplyAsync(threadId, "May is fine.");

        var inbox = await Alice.GetPageAsync(Paths.Inbox);
        var row = inbox.ThreadRow(threadId);
        Assert.NotNull(row);
        Assert.Equal("true", row.GetAttribute("data-um-unread"));
        Assert.Equal(1, inbox.UnreadBadgeCount);
        Assert.Null((await Alice.GetPageAsync(MailboxPaths.Archive)).ThreadRow(threadId));
    }

    [Fact]
    public async Task MarkUnreadFromTheThreadPage_MakesTheInboxRowUnread_AndRaisesTheBadge()
    {
        var threadId = await Bob.StartThreadAsync(Alice.UserName, "Trip", "Shall we go in May?");
        var read = await Alice.GetPageAsync(Paths.Thread(threadId));
        Assert.Equal(0, read.UnreadBadgeCount);

        var response = await Alice.PressAsync(read, "#um-mark-unread");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(Paths.Inbox, response.Headers.Location!.OriginalString);
        var inbox = await Alice.FollowRedirectAsync(response);
        Assert.Equal("true", inbox.ThreadRow(threadId)!.GetAttribute("data-um-unread"));
        Assert.Equal(1, inbox.UnreadBadgeCount);
    }

    [Fact]
    public async Task MarkUnread_ChangesOnlyTheUserWhoPressedIt()
    {
        var threadId = await Bob.StartThreadAsync(Alice.UserName, "Trip", "Shall we go in May?");

        await Alice.PressThreadButtonAsync(threadId, "um-mark-unread");

        var bobsInbox = await Bob.GetPageAsync(Paths.Inbox);
        Assert.Equal("false", bobsInbox.ThreadRow(threadId)!.GetAttribute("data-um-unread"));
        Assert.Equal(0, bobsInbox.UnreadBadgeCount);
    }
}
