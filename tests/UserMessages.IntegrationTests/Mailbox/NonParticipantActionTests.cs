using System.Net;
using Microsoft.EntityFrameworkCore;
using UserMessages.IntegrationTests.Infrastructure;

namespace UserMessages.IntegrationTests.Mailbox;

/// <summary>SPEC §3.6 for the thread buttons issue 3 added: someone outside a thread gets 404 and changes nothing.</summary>
public sealed class NonParticipantActionTests : MessagingTest, IClassFixture<SharedApp>
{
    public NonParticipantActionTests(SharedApp app)
        : base(app)
    {
    }

    [Theory]
    [InlineData("archive")]
    [InlineData("unread")]
    [InlineData("leave")]
    [InlineData("participants")]
    public async Task NonParticipant_GetsNotFound_EvenWithAValidToken_AndNothingChanges(string action)
    {
        var threadId = await Alice.StartThreadAsync(Bob.UserName, "Private", "Only for Bob");
        var before = await CountRowsAsync();
        var token = await Carol.TokenAsync();

        var response = await Carol.PostFormAsync(
            $"{Paths.Thread(threadId)}/{action}", [new(BrowserClient.TokenField, token), new("To", Carol.UserName)]);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("Private", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await CountRowsAsync());
        Assert.Equal("true", (await Bob.GetPageAsync(Paths.Inbox)).ThreadRow(threadId)!.GetAttribute("data-um-unread"));
        Assert.NotNull((await Alice.GetPageAsync(Paths.Inbox)).ThreadRow(threadId));
        Assert.False(await WithDbAsync(db => db.ThreadParticipants.AnyAsync(p => p.UserId == Carol.Id)));
    }

    [Theory]
    [InlineData("archive")]
    [InlineData("unread")]
    [InlineData("leave")]
    [InlineData("participants")]
    public async Task AMalformedThreadId_Answers400(string action)
    {
        var token = await Alice.TokenAsync();

        var response = await Alice.PostFormAsync($"/messages/thread/abc/{action}", [new(BrowserClient.TokenField, token), new("To", Bob.UserName)]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("archive")]
    [InlineData("unread")]
    [InlineData("leave")]
    [InlineData("participants")]
    public async Task WithoutTheAntiforgeryToken_Answers400_AndNothingChanges(string action)
    {
        var threadId = await Alice.StartThreadAsync(Bob.UserName, "Private", "Only for Bob");
        var before = await CountRowsAsync();

        var response = await Alice.PostFormAsync($"{Paths.Thread(threadId)}/{action}", [new("To", Carol.UserName)]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await CountRowsAsync());
        Assert.Equal("false", (await Alice.GetPageAsync(Paths.Inbox)).ThreadRow(threadId)!.GetAttribute("data-um-unread"));
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example")]
    public async Task ThreadButtonsAndBulkForm_WithAForeignReturnUrl_RedirectToTheInbox(string returnUrl)
    {
        var threadId = await Alice.StartThreadAsync(Bob.UserName, "Hello", "Hi");
        var inbox = await Alice.GetPageAsync(Paths.Inbox);
        inbox.Tick($"#um-thread-list [data-um-thread-id='{threadId}'] input[name='ids']");

        var bulk = await Alice.PressAsync(inbox, "#um-bulk-form [data-um-bulk='markunread']", fields =>
        {
            fields.RemoveAll(f => f.Key == "returnUrl");
            fields.Add(new("returnUrl", returnUrl));
        });
        var thread = await Alice.GetPageAsync(Paths.Thread(threadId));
        var archive = await Alice.SubmitFormAsync(thread, "form[data-um-action='archive']", new Dictionary<string, string> { ["returnUrl"] = returnUrl });

        Assert.Equal(Paths.Inbox, bulk.Headers.Location!.OriginalString);
        Assert.Equal(Paths.Inbox, archive.Headers.Location!.OriginalString);
    }
}
