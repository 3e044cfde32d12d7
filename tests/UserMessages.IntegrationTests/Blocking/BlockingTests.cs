using System.Net;
using Microsoft.EntityFrameworkCore;
using UserMessages.IntegrationTests.Infrastructure;

namespace UserMessages.IntegrationTests.Blocking;

/// <summary>Issue 3 §6: blocking and unblocking, and what a blocked user meets (the same error as for an unknown user).</summary>
public sealed class BlockingTests : MessagingTest, IClassFixture<SharedApp>
{
    private const string Placeholder = "{recipient}";

    public BlockingTests(SharedApp app)
        : base(app)
    {
    }

    [Fact]
    public async Task BlockByName_RedirectsToTheBlockedPage_WhichListsTheUser()
    {
        await Bob.StartThreadAsync(Alice.UserName, "Hello", "Do you have a minute?");

        var response = await Alice.BlockByNameAsync(Bob.UserName);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(MailboxPaths.Blocked, response.Headers.Location!.OriginalString);
        var page = await Alice.FollowRedirectAsync(response);
        var row = page.Single($"#um-blocked-list [data-um-user-id='{Bob.Id}']");
        Assert.Contains(Bob.DisplayName, row.TextContent, StringComparison.Ordinal);
        Assert.Single(page.Document.QuerySelectorAll("#um-blocked-list [data-um-user-id]"));
        Assert.Null(page.Find("#um-block-error"));
    }

    [Fact]
    public async Task BlockedPage_OfAUserWhoBlockedNobody_SaysSo()
    {
        var page = await Alice.GetPageAsync(MailboxPaths.Blocked);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Null(page.Find("#um-blocked-list"));
        Assert.NotNull(page.Find("#um-empty"));
        Assert.NotNull(page.Find("#um-block-form #um-block-name"));
    }

    [Fact]
    public async Task BlockingAnUnknownName_Answers400WithAnError_AndBlocksNobody()
    {
        const string unknown = "nobody@example.com";

        var page = await BrowserClient.ReadPageAsync(await Alice.BlockByNameAsync(unknown));

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains(unknown, page.Single("#um-block-error").TextContent, StringComparison.Ordinal);
        Assert.Equal(unknown, page.Single("#um-block-name").GetAttribute("value"));
        Assert.Equal("true", page.Single("#um-block-name").GetAttribute("aria-invalid"));
        Assert.Equal(0, await BlocksAsync());
    }

    [Fact]
    public async Task BlockingAnAccountNeverTalkedWith_GetsTheAnswerAnUnknownNameGets_SoNoAccountCanBeProbed()
    {
        const string unknown = "nobody@example.com";

        var unknownPage = await BrowserClient.ReadPageAsync(await Alice.BlockByNameAsync(unknown));
        var existingPage = await BrowserClient.ReadPageAsync(await Alice.BlockByNameAsync(Bob.UserName));

        Assert.Equal(HttpStatusCode.BadRequest, unknownPage.Status);
        Assert.Equal(HttpStatusCode.BadRequest, existingPage.Status);
        Assert.Equal(
            unknownPage.Single("#um-block-error").TextContent.Replace(unknown, Placeholder, StringComparison.Ordinal),
            existingPage.Single("#um-block-error").TextContent.Replace(Bob.UserName, Placeholder, StringComparison.Ordinal));
        Assert.Equal(0, await BlocksAsync());

        // The block button carries an id: an id of someone never talked with is refused the same way.
        var byId = await BrowserClient.ReadPageAsync(await Alice.PostFormAsync(MailboxPaths.Blocked, [new("UserId", Bob.Id), new(BrowserClient.TokenField, await Alice.TokenAsync())]));
        Assert.Equal(HttpStatusCode.BadRequest, byId.Status);
        Assert.Equal(0, await BlocksAsync());
    }

    [Fact]
    public async Task BlockingYourself_Answers400_AndBlocksNobody()
    {
        var page = await BrowserClient.ReadPageAsync(await Alice.BlockByNameAsync(Alice.UserName));

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.False(string.IsNullOrWhiteSpace(page.Single("#um-block-error").TextContent));
        Assert.Equal(0, await BlocksAsync());
    }

    [Fact]
    public async Task BlockedUser_ComposingToTheBlocker_GetsTheSameErrorAsForAnUnknownUser_AndNothingIsSaved()
    {
        const string unknown = "nobody@example.com";
        await Alice.BlockAsync(Bob.User, writer: Bob);
        var before = await CountRowsAsync();

        var blockedPage = await ComposeAsync(Bob, Alice.UserName);
        var unknownPage = await ComposeAsync(Bob, unknown);

        Assert.Equal(HttpStatusCode.BadRequest, blockedPage.Status);
        Assert.Equal(HttpStatusCode.BadRequest, unknownPage.Status);
        var blockedError = blockedPage.Single("#um-to-error").TextContent;
        var unknownError = unknownPage.Single("#um-to-error").TextContent;
        Assert.Contains(Alice.UserName, blockedError, StringComparison.Ordinal);
        Assert.Equal(
            unknownError.Replace(unknown, Placeholder, StringComparison.Ordinal),
            blockedError.Replace(Alice.UserName, Placeholder, StringComparison.Ordinal));
        Assert.Equal("Did you get my note?", blockedPage.Single("#um-content").TextContent);
        Assert.Equal(before, await CountRowsAsync());
    }

    [Fact]
    public async Task TheBlocker_CanStillWriteToTheUserTheyBlocked()
    {
        await Alice.BlockAsync(Bob.User, writer: Bob);

        var threadId = await Alice.StartThreadAsync(Bob.UserName, "Notice", "Please stop.");

        Assert.NotNull((await Bob.GetPageAsync(Paths.Inbox)).ThreadRow(threadId));
    }

    [Fact]
    public async Task BlockedUser_CannotReplyToTheirOneToOneThread_KeepsTheText_AndNothingIsSaved()
    {
        var threadId = await Alice.StartThreadAsync(Bob.UserName, "Hello", "Hi Bob");
        await Alice.BlockAsync(Bob.User);
        var before = await CountRowsAsync();
        var thread = await Bob.GetPageAsync(Paths.Thread(threadId));

        var response = await Bob.SubmitFormAsync(thread, "#um-reply-form", new Dictionary<string, string> { ["Content"] = "But why?" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await BrowserClient.ReadPageAsync(response);
        Assert.False(string.IsNullOrWhiteSpace(page.Single("#um-reply-content-error").TextContent));
        Assert.Equal("But why?", page.Single("#um-reply-content").TextContent);
        Assert.Equal(before, await CountRowsAsync());
        Assert.Equal("false", (await Alice.GetPageAsync(Paths.Inbox)).ThreadRow(threadId)!.GetAttribute("data-um-unread"));
    }

    [Fact]
    public async Task BlockedUser_CanStillReplyInAThreadWithSomeoneWhoDidNotBlockThem()
    {
        var threadId = await Alice.StartThreadAsync($"{Bob.UserName}, {Carol.UserName}", "Party", "Saturday?");
        await Alice.BlockAsync(Bob.User);

        await Bob.ReplyAsync(threadId, "I'll be there.");

        Assert.Equal("true", (await Carol.GetPageAsync(Paths.Inbox)).ThreadRow(threadId)!.GetAttribute("data-um-unread"));
    }

    [Fact]
    public async Task BlockFromThePeopleList_ReturnsToTheThread_AndListsTheUser()
    {
        var threadId = await Bob.StartThreadAsync(Alice.UserName, "Hello", "Hi Alice");
        var thread = await Alice.GetPageAsync(Paths.Thread(threadId));

        var response = await Alice.SubmitFormAsync(thread, $"#um-people [data-um-user-id='{Bob.Id}'] form[data-um-action='block']");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(Paths.Thread(threadId), response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await Alice.FollowRedirectAsync(response)).Status);
        var blocked = await Alice.GetPageAsync(MailboxPaths.Blocked);
        Assert.NotNull(blocked.Find($"#um-blocked-list [data-um-user-id='{Bob.Id}']"));
        Assert.Equal(HttpStatusCode.BadRequest, (await ComposeAsync(Bob, Alice.UserName)).Status);
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example")]
    public async Task BlockWithAForeignReturnUrl_RedirectsToTheBlockedPage(string returnUrl)
    {
        var threadId = await Bob.StartThreadAsync(Alice.UserName, "Hello", "Hi Alice");
        var thread = await Alice.GetPageAsync(Paths.Thread(threadId));

        var response = await Alice.SubmitFormAsync(
            thread, $"#um-people [data-um-user-id='{Bob.Id}'] form[data-um-action='block']", new Dictionary<string, string> { ["returnUrl"] = returnUrl });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(MailboxPaths.Blocked, response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task BlockingTwice_KeepsOneBlock()
    {
        await Alice.BlockAsync(Bob.User, writer: Bob);

        await Alice.BlockAsync(Bob.User);

        Assert.Equal(1, await BlocksAsync());
    }

    [Fact]
    public async Task UnblockWithoutToken_Answers400_AndKeepsTheBlock()
    {
        await Alice.BlockAsync(Bob.User, writer: Bob);

        var response = await Alice.PostFormAsync(MailboxPaths.Unblock, [new("UserId", Bob.Id)]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(1, await BlocksAsync());
    }

    /// <summary>The blocks by or of this test's users.</summary>
    private Task<int> BlocksAsync()
    {
        var ids = UserIds;
        return WithDbAsync(db => db.UserBlocks.CountAsync(b => ids.Contains(b.BlockerId) || ids.Contains(b.BlockedId)));
    }

    private static async Task<HtmlPage> ComposeAsync(BrowserClient browser, string to)
    {
        var form = await browser.GetPageAsync(Paths.Create);
        var response = await browser.SubmitFormAsync(form, "#um-compose-form", MessagingSteps.ComposeFields(to, "Note", "Did you get my note?"));
        return await BrowserClient.ReadPageAsync(response);
    }
}
