using System.Net;
using Microsoft.EntityFrameworkCore;
using UserMessages.IntegrationTests.Infrastructure;

namespace UserMessages.IntegrationTests.Participants;

/// <summary>Issue 3 §5: a participant adds people to a thread; they see the whole history and a "joined" line records it.</summary>
public sealed class AddPeopleTests : MessagingTest, IClassFixture<SharedApp>
{
    private const string Placeholder = "{name}";

    public AddPeopleTests(SharedApp app)
        : base(app)
    {
    }

    [Fact]
    public async Task AddPeopleForm_AddsCarol_WhoSeesTheWholeHistoryAndAJoinedLine()
    {
        var threadId = await Alice.StartThreadAsync(Bob.UserName, "Party", "Saturday at eight?");
        await Bob.ReplyAsync(threadId, "Shall we ask Carol?");

        var response = await Alice.AddPeopleAsync(threadId, Carol.UserName);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(Paths.Thread(threadId), response.Headers.Location!.OriginalString);
        var carolsInbox = await Carol.GetPageAsync(Paths.Inbox);
        Assert.Equal("true", carolsInbox.ThreadRow(threadId)!.GetAttribute("data-um-unread"));
        Assert.Equal(1, carolsInbox.UnreadBadgeCount);

        var thread = await Carol.GetPageAsync(Paths.Thread(threadId));
        Assert.Equal(HttpStatusCode.OK, thread.Status);
        Assert.Equal(
            new[] { "Saturday at eight?", "Shall we ask Carol?" },
            thread.Document.QuerySelectorAll("#um-messages .um-message__content").Select(c => c.TextContent));
        var joined = thread.Single("#um-messages li.um-system-line[data-um-kind='joined']");
        Assert.Contains(Alice.DisplayName, joined.TextContent, StringComparison.Ordinal);
        Assert.Contains(Carol.DisplayName, joined.TextContent, StringComparison.Ordinal);
        Assert.NotNull(thread.Find($"#um-people [data-um-user-id='{Alice.Id}']"));
        Assert.NotNull(thread.Find($"#um-people [data-um-user-id='{Bob.Id}']"));
    }

    [Fact]
    public async Task AddedPerson_IsListedForEveryone_AndTheJoinedLineComesAfterTheEarlierMessages()
    {
        var threadId = await Alice.StartThreadAsync(Bob.UserName, "Party", "Saturday at eight?");

        await Alice.AddPeopleAsync(threadId, Carol.UserName);

        var bobsView = await Bob.GetPageAsync(Paths.Thread(threadId));
        Assert.NotNull(bobsView.Find($"#um-people [data-um-user-id='{Carol.Id}']"));
        Assert.Contains(Carol.DisplayName, bobsView.Single("#um-participants").TextContent, StringComparison.Ordinal);
        var items = bobsView.Document.QuerySelectorAll("#um-messages > li:not(.um-new-divider)").ToList();
        Assert.Equal(2, items.Count);
        Assert.Contains("um-message", items[0].ClassList);
        Assert.Equal("joined", items[1].GetAttribute("data-um-kind"));
    }

    [Fact]
    public async Task AddedPerson_CanReply_AndEveryoneGetsIt()
    {
        var threadId = await Alice.StartThreadAsync(Bob.UserName, "Party", "Saturday at eight?");
        await Alice.AddPeopleAsync(threadId, Carol.UserName);

        await Carol.ReplyAsync(threadId, "Count me in!");

        Assert.Equal("true", (await Alice.GetPageAsync(Paths.Inbox)).ThreadRow(threadId)!.GetAttribute("data-um-unread"));
        Assert.Equal("true", (await Bob.GetPageAsync(Paths.Inbox)).ThreadRow(threadId)!.GetAttribute("data-um-unread"));
    }

    [Fact]
    public async Task AnUnknownName_AndAUserWhoBlockedTheAdder_GetTheSameError_With400_AndNothingIsSaved()
    {
        const string unknown = "nobody@example.com";
        var threadId = await Alice.StartThreadAsync(Bob.UserName, "Party", "Saturday at eight?");
        await Carol.BlockAsync(Alice.User, writer: Alice);
        var before = await CountRowsAsync();

        var unknownPage = await BrowserClient.ReadPageAsync(await Alice.AddPeopleAsync(threadId, unknown));
        var blockedPage = await BrowserClient.ReadPageAsync(await Alice.AddPeopleAsync(threadId, Carol.UserName));

        Assert.Equal(HttpStatusCode.BadRequest, unknownPage.Status);
        Assert.Equal(HttpStatusCode.BadRequest, blockedPage.Status);
        var unknownError = unknownPage.Single("#um-add-error").TextContent;
        var blockedError = blockedPage.Single("#um-add-error").TextContent;
        Assert.Contains(unknown, unknownError, StringComparison.Ordinal);
        Assert.Contains(Carol.UserName, blockedError, StringComparison.Ordinal);
        Assert.Equal(
            unknownError.Replace(unknown, Placeholder, StringComparison.Ordinal),
            blockedError.Replace(Carol.UserName, Placeholder, StringComparison.Ordinal));
        Assert.Equal(unknown, unknownPage.Single("#um-add-to").GetAttribute("value"));
        Assert.Equal(Carol.UserName, blockedPage.Single("#um-add-to").GetAttribute("value"));

        // The thread page comes back whole, with the people section open on the error.
        Assert.NotNull(blockedPage.Single("#um-people").GetAttribute("open"));
        Assert.Equal("Saturday at eight?", blockedPage.Single("#um-messages .um-message__content").TextContent);

        Assert.Equal(before, await CountRowsAsync());
        Assert.Null((await Carol.GetPageAsync(Paths.Inbox)).ThreadRow(threadId));
        Assert.Equal(HttpStatusCode.NotFound, (await Carol.GetPageAsync(Paths.Thread(threadId))).Status);
    }

    [Theory]
    [InlineData("the blocked user")]
    [InlineData("the blocker")]
    public async Task ABlockBetweenTheAdderAndSomeoneInTheThread_RefusesEveryNewcomer_AsAnUnknownNameIsRefused(string adder)
    {
        const string unknown = "nobody@example.com";
        var threadId = await Bob.StartThreadAsync(Alice.UserName, "Hello", "Hi Alice");
        await Alice.BlockAsync(Bob.User);
        var who = adder == "the blocked user" ? Bob : Alice;
        var before = await CountRowsAsync();

        var unknownPage = await BrowserClient.ReadPageAsync(await who.AddPeopleAsync(threadId, unknown));
        var carolPage = await BrowserClient.ReadPageAsync(await who.AddPeopleAsync(threadId, Carol.UserName));

        Assert.Equal(HttpStatusCode.BadRequest, unknownPage.Status);
        Assert.Equal(HttpStatusCode.BadRequest, carolPage.Status);
        Assert.Equal(
            unknownPage.Single("#um-add-error").TextContent.Replace(unknown, Placeholder, StringComparison.Ordinal),
            carolPage.Single("#um-add-error").TextContent.Replace(Carol.UserName, Placeholder, StringComparison.Ordinal));
        Assert.Equal(before, await CountRowsAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await Carol.GetPageAsync(Paths.Thread(threadId))).Status);
    }

    [Fact]
    public async Task OneRefusedNameAmongSeveral_AddsNobody()
    {
        var threadId = await Alice.StartThreadAsync(Bob.UserName, "Party", "Saturday at eight?");
        var dave = await CreateUserAsync("dave");
        await Carol.BlockAsync(Alice.User, writer: Alice);

        var response = await Alice.AddPeopleAsync(threadId, $"{dave.UserName}, {Carol.UserName}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await WithDbAsync(db => db.ThreadParticipants.CountAsync(p => p.ThreadId == threadId && p.UserId == dave.Id)));
        Assert.Equal(2, await WithDbAsync(db => db.ThreadParticipants.CountAsync(p => p.ThreadId == threadId)));
    }

    [Fact]
    public async Task NonParticipant_AddingThemselves_Answers404_AndSavesNothing()
    {
        var threadId = await Alice.StartThreadAsync(Bob.UserName, "Party", "Saturday at eight?");
        var before = await CountRowsAsync();

        var response = await Carol.PostFormAsync(
            MailboxPaths.AddPeople(threadId), [new(BrowserClient.TokenField, await Carol.TokenAsync()), new("To", Carol.UserName)]);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(before, await CountRowsAsync());
    }
}
