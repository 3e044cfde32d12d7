using System.Net;
using UserMessages.IntegrationTests.Infrastructure;

namespace UserMessages.IntegrationTests.Mailbox;

/// <summary>Issue 3 §2: tick several threads on a folder page and act on all of them in one POST, all or nothing.</summary>
public sealed class BulkActionTests : MessagingTest, IClassFixture<SharedApp>
{
    public BulkActionTests(SharedApp app)
        : base(app)
    {
    }

    [Fact]
    public async Task ArchiveButton_WithTwoThreadsTicked_ArchivesBothAndLeavesTheOthers()
    {
        var first = await Alice.StartThreadAsync(Bob.UserName, "One", "First");
        var second = await Alice.StartThreadAsync(Bob.UserName, "Two", "Second");
        var third = await Alice.StartThreadAsync(Bob.UserName, "Three", "Third");
        var inbox = await Alice.GetPageAsync(Paths.Inbox);
        inbox.Tick(Checkbox(first));
        inbox.Tick(Checkbox(second));

        var response = await Alice.PressAsync(inbox, "#um-bulk-form [data-um-bulk='archive']");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(Paths.Inbox, response.Headers.Location!.OriginalString);
        var after = await Alice.FollowRedirectAsync(response);
        Assert.Equal(new[] { third }, after.RowIds());
        Assert.Equal(new[] { second, first }, (await Alice.GetPageAsync(MailboxPaths.Archive)).RowIds());

        // Bob's mailbox is his own.
        Assert.Equal(new[] { third, second, first }, (await Bob.GetPageAsync(Paths.Inbox)).RowIds());
    }

    [Fact]
    public async Task MarkReadButton_MarksEveryTickedThreadRead()
    {
        var first = await Bob.StartThreadAsync(Alice.UserName, "One", "First");
        var second = await Bob.StartThreadAsync(Alice.UserName, "Two", "Second");
        var inbox = await Alice.GetPageAsync(Paths.Inbox);
        Assert.Equal(2, inbox.UnreadBadgeCount);
        inbox.Tick(Checkbox(first));
        inbox.Tick(Checkbox(second));

        var response = await Alice.PressAsync(inbox, "#um-bulk-form [data-um-bulk='markread']");

        var after = await Alice.FollowRedirectAsync(response);
        Assert.Equal("false", after.ThreadRow(first)!.GetAttribute("data-um-unread"));
        Assert.Equal("false", after.ThreadRow(second)!.GetAttribute("data-um-unread"));
        Assert.Equal(0, after.UnreadBadgeCount);
    }

    [Fact]
    public async Task MarkUnreadButton_MarksEveryTickedThreadUnread()
    {
        var first = await Alice.StartThreadAsync(Bob.UserName, "One", "First");
        var second = await Alice.StartThreadAsync(Bob.UserName, "Two", "Second");
        var inbox = await Alice.GetPageAsync(Paths.Inbox);
        Assert.Equal(0, inbox.UnreadBadgeCount);
        inbox.Tick(Checkbox(first));
        inbox.Tick(Checkbox(second));

        var response = await Alice.PressAsync(inbox, "#um-bulk-form [data-um-bulk='markunread']");

        var after = await Alice.FollowRedirectAsync(response);
        Assert.Equal("true", after.ThreadRow(first)!.GetAttribute("data-um-unread"));
        Assert.Equal("true", after.ThreadRow(second)!.GetAttribute("data-um-unread"));
        Assert.Equal(2, after.UnreadBadgeCount);
    }

    [Fact]
    public async Task DeleteButton_ThenRestoreInTheTrash_MovesBothThreadsAwayAndBack()
    {
        var first = await Alice.StartThreadAsync(Bob.UserName, "One", "First");
        var second = await Alice.StartThreadAsync(Bob.UserName, "Two", "Second");
        var inbox = await Alice.GetPageAsync(Paths.Inbox);
        inbox.Tick(Checkbox(first));
        inbox.Tick(Checkbox(second));

        var deleted = await Alice.FollowRedirectAsync(await Alice.PressAsync(inbox, "#um-bulk-form [data-um-bulk='delete']"));

        Assert.Empty(deleted.RowIds());
        var trash = await Alice.GetPageAsync(Paths.Trash);
        Assert.Equal(new[] { second, first }, trash.RowIds());
        trash.Tick(Checkbox(first));
        trash.Tick(Checkbox(second));

        var response = await Alice.PressAsync(trash, "#um-bulk-form [data-um-bulk='restore']");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(Paths.Trash, response.Headers.Location!.OriginalString);
        Assert.Empty((await Alice.FollowRedirectAsync(response)).RowIds());
        Assert.Equal(new[] { second, first }, (await Alice.GetPageAsync(Paths.Inbox)).RowIds());
    }

    [Fact]
    public async Task AThreadOfAnotherUserAmongTheIds_Answers404_AndChangesNeitherThread()
    {
        var own = await Alice.StartThreadAsync(Bob.UserName, "Mine", "Alice and Bob");
        var foreign = await Carol.StartThreadAsync(Bob.UserName, "Not hers", "Carol and Bob");
        var inbox = await Alice.GetPageAsync(Paths.Inbox);
        inbox.Tick(Checkbox(own));

        var response = await Alice.PressAsync(
            inbox, "#um-bulk-form [data-um-bulk='archive']", fields => fields.Add(new("ids", foreign.ToString(System.Globalization.CultureInfo.InvariantCulture))));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(new[] { own }, (await Alice.GetPageAsync(Paths.Inbox)).RowIds());
        Assert.Empty((await Alice.GetPageAsync(MailboxPaths.Archive)).RowIds());
        Assert.NotNull((await Carol.GetPageAsync(Paths.Inbox)).ThreadRow(foreign));
        Assert.Equal(new[] { foreign, own }, (await Bob.GetPageAsync(Paths.Inbox)).RowIds());
    }

    [Fact]
    public async Task MoveToInboxButton_OnTheArchivePage_BringsTheTickedThreadsBack()
    {
        var first = await Alice.StartThreadAsync(Bob.UserName, "One", "First");
        var second = await Alice.StartThreadAsync(Bob.UserName, "Two", "Second");
        await Alice.PressThreadButtonAsync(first, "um-archive");
        await Alice.PressThreadButtonAsync(second, "um-archive");
        var archive = await Alice.GetPageAsync(MailboxPaths.Archive);
        archive.Tick(Checkbox(first));
        archive.Tick(Checkbox(second));

        var response = await Alice.PressAsync(archive, "#um-bulk-form [data-um-bulk='restore']");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(MailboxPaths.Archive, response.Headers.Location!.OriginalString);
        Assert.Empty((await Alice.FollowRedirectAsync(response)).RowIds());
        Assert.Equal(new[] { second, first }, (await Alice.GetPageAsync(Paths.Inbox)).RowIds());
    }

    [Fact]
    public async Task AThreadTheUserLeftAmongTheIds_Answers404_AndChangesNothing()
    {
        var kept = await Alice.StartThreadAsync(Bob.UserName, "Kept", "Stays");
        var left = await Bob.StartThreadAsync($"{Alice.UserName}, {Carol.UserName}", "Left", "Goes");
        await Alice.PressThreadButtonAsync(left, "um-leave");
        var inbox = await Alice.GetPageAsync(Paths.Inbox);
        inbox.Tick(Checkbox(kept));

        var response = await Alice.PressAsync(
            inbox, "#um-bulk-form [data-um-bulk='delete']", fields => fields.Add(new("ids", left.ToString(System.Globalization.CultureInfo.InvariantCulture))));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(new[] { kept }, (await Alice.GetPageAsync(Paths.Inbox)).RowIds());
        Assert.Empty((await Alice.GetPageAsync(Paths.Trash)).RowIds());
    }

    [Fact]
    public async Task NothingTicked_Answers400_AndChangesNothing()
    {
        var threadId = await Alice.StartThreadAsync(Bob.UserName, "One", "First");
        var inbox = await Alice.GetPageAsync(Paths.Inbox);

        var response = await Alice.PressAsync(inbox, "#um-bulk-form [data-um-bulk='archive']");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await Alice.GetPageAsync(Paths.Inbox)).ThreadRow(threadId));
    }

    [Theory]
    [InlineData("Explode")]
    [InlineData("2")]
    [InlineData("")]
    public async Task AnUnknownAction_Answers400_AndChangesNothing(string action)
    {
        var threadId = await Alice.StartThreadAsync(Bob.UserName, "One", "First");
        var inbox = await Alice.GetPageAsync(Paths.Inbox);
        inbox.Tick(Checkbox(threadId));

        var response = await Alice.PressAsync(inbox, "#um-bulk-form [data-um-bulk='delete']", fields =>
        {
            fields.RemoveAll(f => f.Key == "action");
            fields.Add(new("action", action));
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await Alice.GetPageAsync(Paths.Inbox)).ThreadRow(threadId));
        Assert.Empty((await Alice.GetPageAsync(Paths.Trash)).RowIds());
    }

    [Fact]
    public async Task WithoutTheAntiforgeryToken_Answers400_AndChangesNothing()
    {
        var threadId = await Alice.StartThreadAsync(Bob.UserName, "One", "First");
        var inbox = await Alice.GetPageAsync(Paths.Inbox);
        inbox.Tick(Checkbox(threadId));

        var response = await Alice.PressAsync(inbox, "#um-bulk-form [data-um-bulk='delete']", fields => fields.RemoveAll(f => f.Key == BrowserClient.TokenField));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await Alice.GetPageAsync(Paths.Inbox)).ThreadRow(threadId));
        Assert.Empty((await Alice.GetPageAsync(Paths.Trash)).RowIds());
    }

    [Fact]
    public async Task AMalformedId_Answers400_AndChangesNothing()
    {
        var threadId = await Alice.StartThreadAsync(Bob.UserName, "One", "First");
        var inbox = await Alice.GetPageAsync(Paths.Inbox);
        inbox.Tick(Checkbox(threadId));

        var response = await Alice.PressAsync(inbox, "#um-bulk-form [data-um-bulk='archive']", fields => fields.Add(new("ids", "12abc")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty((await Alice.GetPageAsync(MailboxPaths.Archive)).RowIds());
    }

    [Fact]
    public async Task EveryFolderRow_HasACheckboxOfTheBulkForm()
    {
        var threadId = await Alice.StartThreadAsync(Bob.UserName, "One", "First");

        var inbox = await Alice.GetPageAsync(Paths.Inbox);

        var checkbox = inbox.Single(Checkbox(threadId));
        Assert.Equal("um-bulk-form", checkbox.GetAttribute("form"));
        Assert.Null(checkbox.Closest("form"));
        Assert.Equal(MailboxPaths.Bulk, inbox.Single("#um-bulk-form").GetAttribute("action"));
    }

    private static string Checkbox(long threadId)
        => $"#um-thread-list [data-um-thread-id='{threadId}'] input[type='checkbox'][name='ids']";
}
