using System.Net;
using System.Text.RegularExpressions;
using UserMessages.IntegrationTests.Conversations;
using UserMessages.IntegrationTests.Infrastructure;

namespace UserMessages.IntegrationTests.Performance;

/// <summary>
/// Issue 23, item 7: with kept pages on, a folder or thread page nothing changed on since it was rendered is served again
/// from memory for one statement (the counter row the badge reads anyway), and any change the package makes (by anyone)
/// shows on the next request. The whole integration suite also runs with kept pages on (USERMESSAGES_TEST_KEPT_PAGES=1).
/// </summary>
public sealed partial class KeptPagesTests : MessagingTest, IClassFixture<SharedApp>
{
    public KeptPagesTests(SharedApp app)
        : base(app)
    {
    }

    [Fact]
    public async Task AnUnchangedInbox_IsTheSamePage_ForOneStatement()
    {
        await Bob.StartThreadAsync(Alice.UserName, "Lunch", "Noon?");
        await Alice.StartThreadAsync(Bob.UserName, "Budget", "The numbers for March");
        var first = await Alice.GetPageAsync(Paths.Inbox);

        HtmlPage again = null!;
        var statements = await App.Statements.MeasureAsync(async () => again = await Alice.GetPageAsync(Paths.Inbox));

        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Single(statements);
        Assert.Equal(WithoutTokens(first.Html), WithoutTokens(again.Html));
        Assert.Equal(1, again.UnreadBadgeCount);
        Assert.Equal("Inbox", again.Document.Title!.Split(" - ")[0]);
    }

    [Fact]
    public async Task AnUnchangedThreadPage_IsTheSamePage_ForOneStatement()
    {
        var threadId = await Bob.StartThreadAsync(Alice.UserName, "Lunch", "Noon?");
        await Alice.GetPageAsync(Paths.Thread(threadId));
        var first = await Alice.GetPageAsync(Paths.Thread(threadId));

        HtmlPage again = null!;
        var statements = await App.Statements.MeasureAsync(async () => again = await Alice.GetPageAsync(Paths.Thread(threadId)));

        Assert.Single(statements);
        Assert.Equal(WithoutTokens(first.Html), WithoutTokens(again.Html));
        Assert.StartsWith("Lunch", again.Document.Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AReplyBySomeoneElse_ShowsOnTheKeptInboxAndThreadPage_AtOnce()
    {
        await Bob.StartThreadAsync(Alice.UserName, "Hello", "Hi!");
        var threadId = await Alice.StartThreadAsync(Bob.UserName, "Lunch", "Noon?");
        await Bob.GetPageAsync(Paths.Thread(threadId));
        await AssertKeptAsync(Paths.Inbox);
        await AssertKeptAsync(Paths.Thread(threadId));

        await Bob.ReplyAsync(threadId, "Make it one, with pineapple.");

        var inbox = await Alice.GetPageAsync(Paths.Inbox);
        Assert.Contains("pineapple", inbox.ThreadRow(threadId)!.TextContent, StringComparison.Ordinal);
        Assert.Equal("true", inbox.ThreadRow(threadId)!.GetAttribute("data-um-unread"));
        Assert.Equal(2, inbox.UnreadBadgeCount);
        Assert.Contains("pineapple", (await Alice.GetPageAsync(Paths.Thread(threadId))).Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AKeptPage_IsNeverAnotherUsersPage()
    {
        var alices = await Carol.StartThreadAsync(Alice.UserName, "Alice and Carol", "Hello");
        var bobs = await Carol.StartThreadAsync(Bob.UserName, "Bob and Carol", "Hello");
        Assert.Equal(new[] { alices }, (await Alice.GetPageAsync(Paths.Inbox)).RowIds());
        await AssertKeptAsync(Paths.Inbox);

        Assert.Equal(new[] { bobs }, (await Bob.GetPageAsync(Paths.Inbox)).RowIds());
        Assert.Equal(new[] { bobs, alices }, (await Carol.GetPageAsync(Paths.Sent)).RowIds());
    }

    [Fact]
    public async Task TheFormsOfAKeptPage_CarryTheTokenOfTheDeviceThatAsked()
    {
        var first = await Bob.StartThreadAsync(Alice.UserName, "One", "First");
        var second = await Bob.StartThreadAsync(Alice.UserName, "Two", "Second");
        await AssertKeptAsync(Paths.Inbox);
        using var phone = App.CreateBrowser(Alice.User);

        var inbox = await phone.GetPageAsync(Paths.Inbox);
        inbox.Tick($"#um-thread-list input[name='ids'][value='{first}']");
        var response = await phone.PressAsync(inbox, "#um-bulk-form [data-um-bulk='archive']");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(new[] { second }, (await phone.FollowRedirectAsync(response)).RowIds());
        Assert.Equal(new[] { second }, (await Alice.GetPageAsync(Paths.Inbox)).RowIds());
    }

    [Fact]
    public async Task AnEditBySomeoneElse_ShowsOnTheKeptThreadPage()
    {
        var threadId = await Bob.StartThreadAsync(Alice.UserName, "Lunch", "Noon?");
        await Bob.ReplyAsync(threadId, "Or one?");
        var bobsReply = (await Bob.ApiThreadMessagesAsync(threadId)).Last().Id;
        await Alice.GetPageAsync(Paths.Thread(threadId));
        var before = await AssertKeptAsync(Paths.Thread(threadId));
        Assert.Contains("Or one?", before.Single($"#message-{bobsReply}").TextContent, StringComparison.Ordinal);

        var edit = await Bob.GetPageAsync(EditSteps.EditPage(threadId, bobsReply));
        Assert.Equal(HttpStatusCode.Redirect, (await Bob.SubmitFormAsync(edit, "#um-edit-form", new Dictionary<string, string> { ["Content"] = "Or two?" })).StatusCode);

        var after = await Alice.GetPageAsync(Paths.Thread(threadId));
        Assert.Contains("Or two?", after.Single($"#message-{bobsReply}").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SomeoneTurningReadReceiptsOff_LeavesTheOthersKeptThreadPages()
    {
        var threadId = await Alice.StartThreadAsync($"{Bob.UserName}, {Carol.UserName}", "Dinner", "Friday at eight?");
        var message = Assert.Single(await Alice.ApiThreadMessagesAsync(threadId), m => m.Kind == "text").Id;
        await Bob.GetPageAsync(Paths.Thread(threadId));
        Assert.Equal($"Seen by {Bob.DisplayName}", (await AssertKeptAsync(Paths.Thread(threadId))).ReceiptOf(message)!.Text);

        await Bob.ShareReadReceiptsAsync(false);

        Assert.Null((await Alice.GetPageAsync(Paths.Thread(threadId))).ReceiptOf(message));
    }

    [Fact]
    public async Task AnotherLanguage_IsAnotherPage()
    {
        await Bob.StartThreadAsync(Alice.UserName, "Lunch", "Noon?");
        await AssertKeptAsync(Paths.Inbox);

        using var german = new HttpRequestMessage(HttpMethod.Get, Paths.Inbox);
        german.Headers.AcceptLanguage.ParseAdd("de");
        var page = await BrowserClient.ReadPageAsync(await Alice.Http.SendAsync(german));

        Assert.Equal("de", page.Single("#user-messages").GetAttribute("lang"));
        Assert.Equal("en", (await Alice.GetPageAsync(Paths.Inbox)).Single("#user-messages").GetAttribute("lang"));
    }

    /// <summary>
    /// Alice's page at <paramref name="path"/>, asked for three times: the third must be a kept page (one statement). The first
    /// may make her counter row, or mark a thread read; the second is kept.
    /// </summary>
    private async Task<HtmlPage> AssertKeptAsync(string path)
    {
        await Alice.GetPageAsync(path);
        await Alice.GetPageAsync(path);
        HtmlPage page = null!;
        var statements = await App.Statements.MeasureAsync(async () => page = await Alice.GetPageAsync(path));
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Single(statements);
        return page;
    }

        protected override void ConfigureServices(IServiceCollection services)
        => services.PostConfigure<UserMessagesOptions>(options => options.KeptPages.Duration = TimeSpan.FromMinutes(5));

    /// <summary>A page's HTML with its antiforgery tokens taken out (each request has its own).</summary>
    private static string WithoutTokens(string html) => Token().Replace(html, "value=\"token\"");

    [GeneratedRegex("value=\"CfDJ[^\"]+\"")]
    private static partial Regex Token();
}
