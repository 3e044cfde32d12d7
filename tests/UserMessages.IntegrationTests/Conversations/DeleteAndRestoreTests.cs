using System.Net;
using UserMessages.IntegrationTests.Infrastructure;

namespace UserMessages.IntegrationTests.Conversations;

public sealed class DeleteAndRestoreTests : MessagingTest, IClassFixture<SharedApp>
{
    public DeleteAndRestoreTests(SharedApp app)
        : base(app)
    {
    }

    [Fact]
    public async Task Delete_RedirectsToInbox_AndMovesTheThreadToTrashWithARestoreForm()
    {
        var threadId = await Alice.StartThreadAsync(Bob.UserName, "Lunch?", "Are you free on Friday?");

        var response = await Alice.DeleteAsync(threadId);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(Paths.Inbox, response.Headers.Location!.OriginalString);
        var inbox = await Alice.FollowRedirectAsync(response);
        Assert.Null(inbox.ThreadRow(threadId));
        var trash = await Alice.GetPageAsync(Paths.Trash);
        var row = trash.ThreadRow(threadId);
        Assert.NotNull(row);
        var restore = row.QuerySelector("form[data-um-action='restore']");
        Assert.NotNull(restore);
        Assert.Equal(Paths.Restore(threadId), restore.GetAttribute("action"));
    }

    [Fact]
    public async Task Delete_HidesTheThreadOnlyForTheUserWhoDeletedIt()
    {
        var threadId = await Alice.StartThreadAsync(Bob.UserName, "Lunch?", "Are you free on Friday?");

        await Alice.DeleteAsync(threadId);

        Assert.NotNull((await Bob.GetPageAsync(Paths.Inbox)).ThreadRow(threadId));
        Assert.Null((await Bob.GetPageAsync(Paths.Trash)).ThreadRow(threadId));
    }

    [Fact]
    public async Task DeletedThread_StillOpens_AndOffersRestore()
    {
        var threadId = await Alice.StartThreadAsync(Bob.UserName, "Lunch?", "Are you free on Friday?");
        await Alice.DeleteAsync(threadId);

        var thread = await Alice.GetPageAsync(Paths.Thread(threadId));

        Assert.Equal(HttpStatusCode.OK, thread.Status);
        Assert.NotNull(thread.Find("#um-restore"));
        Assert.Null(thread.Find("#um-delete"));
    }

    [Fact]
    public async Task RestoreFromTrash_BringsTheThreadBackToTheInbox()
    {
        var threadId = await Alice.StartThreadAsync(Bob.UserName, "Lunch?", "Are you free on Friday?");
        await Alice.DeleteAsync(threadId);
        var trash = await Alice.GetPageAsync(Paths.Trash);

        var response = await Alice.SubmitFormAsync(trash, $"[data-um-thread-id='{threadId}'] form[data-um-action='restore']");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(Paths.Trash, response.Headers.Location!.OriginalString);
        var trashAfter = await Alice.FollowRedirectAsync(response);
        Assert.Null(trashAfter.ThreadRow(threadId));
        Assert.NotNull((await Alice.GetPageAsync(Paths.Inbox)).ThreadRow(threadId));
    }

    [Fact]
    public async Task RestoreFromThreadPage_RedirectsToTheThread()
    {
        var threadId = await Alice.StartThreadAsync(Bob.UserName, "Lunch?", "Are you free on Friday?");
        await Alice.DeleteAsync(threadId);
        var thread = await Alice.GetPageAsync(Paths.Thread(threadId));

        var response = await Alice.SubmitFormAsync(thread, "form[data-um-action='restore']");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(Paths.Thread(threadId), response.Headers.Location!.OriginalString);
        Assert.NotNull((await Alice.GetPageAsync(Paths.Inbox)).ThreadRow(threadId));
    }

    [Fact]
    public async Task Reply_RestoresTheThreadForAParticipantWhoDeletedIt()
    {
        var threadId = await Alice.StartThreadAsync(Bob.UserName, "Lunch?", "Are you free on Friday?");
        await Alice.DeleteAsync(threadId);
        Assert.Null((await Alice.GetPageAsync(Paths.Inbox)).ThreadRow(threadId));

        await Bob.ReplyAsync(threadId, "Still on for Friday?");

        var inbox = await Alice.GetPageAsync(Paths.Inbox);
        var row = inbox.ThreadRow(threadId);
        Assert.NotNull(row);
        Assert.Equal("true", row.GetAttribute("data-um-unread"));
        Assert.Null((await Alice.GetPageAsync(Paths.Trash)).ThreadRow(threadId));
    }
}
