using System.Net;
using UserMessages.IntegrationTests.Api;
using UserMessages.IntegrationTests.Infrastructure;
using UserMessages.IntegrationTests.Live;

namespace UserMessages.IntegrationTests.Requests;

/// <summary>Issue 21, item 1, in the pages and the API: the Requests folder, its count, and the answers to a request.</summary>
public sealed class MessageRequestPagesTests(SharedApp sharedApp) : MessagingTest(sharedApp), IClassFixture<SharedApp>
{
    private const string Requests = "/messages/requests";

    protected override IReadOnlyDictionary<string, string>? Settings => new Dictionary<string, string> { ["Messages:MessageRequests"] = "true" };

    [Fact]
    public async Task AStrangersThread_IsInRequests_CountedInTheNavigation_NotInTheInboxNorTheBadge()
    {
        var threadId = await Alice.StartThreadAsync(Bob.UserName, "Hello there", "We have not met yet.");

        var inbox = await Bob.GetPageAsync(Paths.Inbox);
        Assert.Null(inbox.ThreadRow(threadId));
        Assert.Equal("0", inbox.Single("#um-unread-badge").GetAttribute("data-um-unread-count"));
        Assert.Equal("1", inbox.Single("#um-folders [data-um-folder='requests'] #um-requests-count [aria-hidden]").TextContent);
        var requests = await Bob.GetPageAsync(Requests);
        Assert.Equal(HttpStatusCode.OK, requests.Status);
        Assert.NotNull(requests.ThreadRow(threadId));
        Assert.Equal("page", requests.Single("#um-folders [data-um-folder='requests']").GetAttribute("aria-current"));
        Assert.NotNull(requests.Find("#um-requests-hint"));
        Assert.NotNull((await Alice.GetPageAsync(Paths.Sent)).ThreadRow(threadId));
        using var counts = await Bob.GetJsonAsync(ApiSteps.UnreadCount);
        Assert.Equal((0, 1), (counts.RootElement.GetProperty("count").GetInt32(), counts.RootElement.GetProperty("requests").GetInt32()));
    }

    [Fact]
    public async Task AStrangersThreads_GrowTheRequestCountOnTheRecipientsOpenPages_AndBringNothingElseLive()
    {
        await using var bob = await LiveConnection.ConnectAsync(App, Bob.User);

        await Alice.StartThreadAsync(Bob.UserName, "Hello there", "We have not met yet.");
        Assert.Equal(1, await bob.NextRequestCountAsync());
        await Carol.StartThreadAsync(Bob.UserName, "Me too", "Nor have we.");
        Assert.Equal(2, await bob.NextRequestCountAsync());

        // A thread from someone Bob knows is a message (and counts) as ever: it comes after the requests' events.
        var known = await Bob.StartThreadAsync(Alice.UserName, "Back to you", "Hi");
        await Alice.ReplyAsync(known, "Hi Bob");
        Assert.Equal(known, (await bob.NextMessageAsync()).ThreadId);
        Assert.Equal(known, (await bob.NextMessageAsync()).ThreadId);
        Assert.Equal(1, await bob.NextUnreadCountAsync());
    }

    [Fact]
    public async Task Accepting_FromTheThreadPage_MovesItToTheInbox_AndTheNextThreadGoesStraightThere()
    {
        var threadId = await Alice.StartThreadAsync(Bob.UserName, "Hello there", "We have not met yet.");
        var thread = await Bob.GetPageAsync(Paths.Thread(threadId));
        Assert.NotNull(thread.Find("#um-is-request"));
        Assert.Null(thread.Find("#um-archive"));

        var accepted = await Bob.SubmitFormAsync(thread, "#um-request-answer", new Dictionary<string, string> { ["answer"] = "Accept" });

        Assert.Equal(Paths.Thread(threadId), accepted.Headers.Location!.OriginalString);
        var next = await Alice.StartThreadAsync(Bob.UserName, "Again", "Thanks for accepting.");
        var inbox = await Bob.GetPageAsync(Paths.Inbox);
        Assert.Equal([next, threadId], inbox.RowIds());
        Assert.Null(inbox.Find("#um-requests-count"));
        Assert.Null((await Bob.GetPageAsync(Paths.Thread(threadId))).Find("#um-is-request"));
    }

    [Fact]
    public async Task Declining_TakesItAwayFromTheRecipient_WhileTheSenderStillSeesThemInIt()
    {
        var threadId = await Alice.StartThreadAsync(Bob.UserName, "Hello there", "We have not met yet.");
        var thread = await Bob.GetPageAsync(Paths.Thread(threadId));

        var declined = await Bob.SubmitFormAsync(thread, "#um-request-answer", new Dictionary<string, string> { ["answer"] = "Decline" });

        Assert.Equal(Requests, declined.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, (await Bob.GetPageAsync(Paths.Thread(threadId))).Status);
        Assert.Null((await Bob.GetPageAsync(Requests)).ThreadRow(threadId));
        var alicesView = await Alice.GetPageAsync(Paths.Thread(threadId));
        Assert.Contains(Bob.DisplayName, alicesView.Single("#um-participants").TextContent, StringComparison.Ordinal);
        Assert.Single(alicesView.Document.QuerySelectorAll("[data-um-message-id]"));
    }

    [Fact]
    public async Task DecliningAndBlocking_ListsTheSenderAmongTheBlocked()
    {
        var threadId = await Alice.StartThreadAsync(Bob.UserName, "Buy now", "Cheap watches.");
        var thread = await Bob.GetPageAsync(Paths.Thread(threadId));

        await Bob.SubmitFormAsync(thread, "#um-request-answer", new Dictionary<string, string> { ["answer"] = "DeclineAndBlock" });

        Assert.NotNull((await Bob.GetPageAsync("/messages/blocked")).Find($"[data-um-user-id='{Alice.Id}']"));
    }

    [Fact]
    public async Task AnAnswerThatIsNoneOfTheThree_IsABadRequest_AndAnswersToAThreadThatIsNoRequest_AreNotFound()
    {
        var threadId = await Alice.StartThreadAsync(Bob.UserName, "Hello there", "We have not met yet.");
        var thread = await Bob.GetPageAsync(Paths.Thread(threadId));

        var unknown = await Bob.SubmitFormAsync(thread, "#um-request-answer", new Dictionary<string, string> { ["answer"] = "Archive" });
        var alicesThread = await Alice.GetPageAsync(Paths.Thread(threadId));
        var notRequest = await Alice.PostFormAsync(
            $"{Paths.Thread(threadId)}/answer",
            [new("__RequestVerificationToken", alicesThread.Single("#um-reply-form input[name=__RequestVerificationToken]").GetAttribute("value")!), new("answer", "Accept")]);

        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, notRequest.StatusCode);
        Assert.NotNull((await Bob.GetPageAsync(Requests)).ThreadRow(threadId));
    }

    [Fact]
    public async Task TheApi_ListsRequests_AndAcceptsAndDeclinesThem()
    {
        foreach (var browser in new[] { Alice, Bob, Carol })
        {
            await browser.UseAntiforgeryAsync();
        }

        var first = await Alice.ApiStartThreadAsync(Bob.UserName, "One", "First");
        var second = await Carol.ApiStartThreadAsync(Bob.UserName, "Two", "Second");
        Assert.Equal([second, first], await Bob.ApiFolderIdsAsync("requests"));

        Assert.Equal(HttpStatusCode.NoContent, (await Bob.PostAsync(ApiSteps.Thread(first) + "/accept")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await Bob.PostAsync(ApiSteps.Thread(second) + "/decline")).StatusCode);

        Assert.Equal([first], await Bob.ApiFolderIdsAsync("inbox"));
        Assert.Empty(await Bob.ApiFolderIdsAsync("requests"));
        await ApiSteps.AssertProblemAsync(await Bob.PostAsync(ApiSteps.Thread(first) + "/accept"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task TheBulkForm_OfTheRequestsPage_AcceptsSeveralAtOnce()
    {
        var first = await Alice.StartThreadAsync(Bob.UserName, "One", "First");
        var second = await Carol.StartThreadAsync(Bob.UserName, "Two", "Second");
        var requests = await Bob.GetPageAsync(Requests);

        var response = await Bob.PostFormAsync("/messages/bulk",
            [new("__RequestVerificationToken", requests.Single("#um-bulk-form input[name=__RequestVerificationToken]").GetAttribute("value")!),
             new("action", "Accept"), new("ids", first.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("ids", second.ToString(System.Globalization.CultureInfo.InvariantCulture))]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal([second, first], (await Bob.GetPageAsync(Paths.Inbox)).RowIds());
    }
}
