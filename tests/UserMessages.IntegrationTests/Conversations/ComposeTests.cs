using System.Net;
using UserMessages.IntegrationTests.Infrastructure;

namespace UserMessages.IntegrationTests.Conversations;

public sealed class ComposeTests : MessagingTest, IClassFixture<SharedApp>
{
    public ComposeTests(SharedApp app)
        : base(app)
    {
    }

    [Fact]
    public async Task Compose_RedirectsToTheNewThreadShowingTheMessage()
    {
        var form = await Alice.GetPageAsync(Paths.Create);
        Assert.Equal(HttpStatusCode.OK, form.Status);

        var response = await Alice.SubmitFormAsync(form, "#um-compose-form", MessagingSteps.ComposeFields(Bob.UserName, "Lunch?", "Are you free on Friday?"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var threadId = Paths.ThreadIdOf(response);
        Assert.Equal(Paths.Thread(threadId), response.Headers.Location!.OriginalString);
        var thread = await Alice.FollowRedirectAsync(response);
        Assert.Equal(HttpStatusCode.OK, thread.Status);
        Assert.Equal("Lunch?", thread.Single("#um-subject").TextContent.Trim());
        var message = Assert.Single(thread.Document.QuerySelectorAll("#um-messages .um-message"));
        Assert.Equal("Are you free on Friday?", message.QuerySelector(".um-message__content")!.TextContent);
        Assert.Equal(Alice.DisplayName, message.QuerySelector(".um-message__sender")!.TextContent);
        Assert.Contains(Bob.DisplayName, thread.Single("#um-participants").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compose_ToSeveralRecipients_CreatesOneThreadThatAllThreeSee()
    {
        var threadId = await Alice.StartThreadAsync($"{Bob.UserName}, {Carol.UserName}", "Team meeting", "Monday at ten?");

        Assert.Equal(1, (await CountRowsAsync()).Threads);
        foreach (var user in new[] { Alice, Bob, Carol })
        {
            var inbox = await user.GetPageAsync(Paths.Inbox);
            var row = Assert.Single(inbox.Document.QuerySelectorAll("#um-thread-list [data-um-thread-id]"));
            Assert.Equal(threadId.ToString(System.Globalization.CultureInfo.InvariantCulture), row.GetAttribute("data-um-thread-id"));
            Assert.Contains("Team meeting", row.TextContent, StringComparison.Ordinal);
            var thread = await user.GetPageAsync(Paths.Thread(threadId));
            Assert.Equal(HttpStatusCode.OK, thread.Status);
        }

        var carolsView = await Carol.GetPageAsync(Paths.Thread(threadId));
        var with = carolsView.Single("#um-participants").TextContent;
        Assert.Contains(Alice.DisplayName, with, StringComparison.Ordinal);
        Assert.Contains(Bob.DisplayName, with, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compose_CollapsesDuplicateRecipients_InAnyCase_AndIgnoresTheSender()
    {
        var threadId = await Alice.StartThreadAsync($"{Bob.UserName.ToUpperInvariant()}; {Bob.UserName}, {Alice.UserName}", "Hello", "Hi Bob");

        var participants = await WithDbAsync(db => Task.FromResult(
            db.ThreadParticipants.Where(p => p.ThreadId == threadId).Select(p => p.UserId).OrderBy(id => id).ToList()));
        Assert.Equal(new[] { Alice.Id, Bob.Id }.Order(), participants);
        var thread = await Alice.GetPageAsync(Paths.Thread(threadId));
        Assert.Equal($"With {Bob.DisplayName}", thread.Single("#um-participants").TextContent.Trim());
    }

    [Fact]
    public async Task CreateForUser_ComesWithThemChosen_ByTheirPublicName_NeverTheirAddress()
    {
        var form = await Alice.GetPageAsync(Paths.CreateTo(Bob.Id));

        Assert.Equal(HttpStatusCode.OK, form.Status);
        var chosen = form.Single("#um-to-chosen input[name='ToId']");
        Assert.Equal(Bob.Id, chosen.GetAttribute("value"));
        Assert.True(chosen.HasAttribute("checked"));
        Assert.Equal(Bob.DisplayName, form.Single("#um-to-chosen").TextContent.Trim());
        Assert.DoesNotContain(Bob.UserName, form.Html, StringComparison.Ordinal);

        var sent = await Alice.SubmitFormAsync(form, "#um-compose-form", new Dictionary<string, string> { ["Subject"] = "Hi", ["Content"] = "Hello Bob" });
        var thread = await Alice.FollowRedirectAsync(sent);
        Assert.Equal($"With {Bob.DisplayName}", thread.Single("#um-participants").TextContent.Trim());
    }

    [Fact]
    public async Task CreateForUnknownUser_LeavesTheRecipientEmpty()
    {
        var form = await Alice.GetPageAsync(Paths.CreateTo("no-such-user"));

        Assert.Equal(HttpStatusCode.OK, form.Status);
        Assert.Equal(string.Empty, form.Single("#um-to").GetAttribute("value") ?? string.Empty);
    }

    [Fact]
    public async Task SentFolder_ListsThreadsTheUserWroteIn()
    {
        var written = await Alice.StartThreadAsync(Bob.UserName, "From Alice", "Hello Bob");
        var received = await Carol.StartThreadAsync(Alice.UserName, "From Carol", "Hello Alice");

        var sent = await Alice.GetPageAsync(Paths.Sent);
        Assert.Equal(HttpStatusCode.OK, sent.Status);
        Assert.NotNull(sent.ThreadRow(written));
        Assert.Null(sent.ThreadRow(received));

        // Alice's reply puts Carol's thread in her Sent folder too.
        await Alice.ReplyAsync(received, "Hi Carol");
        sent = await Alice.GetPageAsync(Paths.Sent);
        Assert.NotNull(sent.ThreadRow(written));
        Assert.NotNull(sent.ThreadRow(received));
    }
}
