using System.Net;
using UserMessages.IntegrationTests.Infrastructure;

namespace UserMessages.IntegrationTests.Safety;

/// <summary>SPEC §3.8: malformed ids and cursors are a 400, too large a body a 413; nothing is saved.</summary>
public sealed class MalformedRequestTests : MessagingTest, IClassFixture<SharedApp>
{
    public MalformedRequestTests(SharedApp app)
        : base(app)
    {
    }

    [Theory]
    [InlineData("/messages/thread/abc")]
    [InlineData("/messages/thread/-1")]
    [InlineData("/messages/thread/0")]
    [InlineData("/messages/thread/99999999999999999999999")]
    [InlineData("/messages?before=garbage")]
    [InlineData("/messages?after=garbage")]
    [InlineData("/messages/sent?before=1-")]
    [InlineData("/messages/trash?before=-1")]
    public async Task MalformedIdOrCursor_Is400(string url)
    {
        var page = await Alice.GetPageAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal("400", page.Single("#user-messages").GetAttribute("data-um-status"));
    }

    [Fact]
    public async Task MalformedThreadCursor_Is400()
    {
        var threadId = await Alice.StartThreadAsync(Bob.UserName, "Hello", "Hi");

        var page = await Alice.GetPageAsync(Paths.Thread(threadId) + "?before=garbage");

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
    }

    [Fact]
    public async Task ReplyToMalformedId_Is400_AndSavesNothing()
    {
        await Alice.StartThreadAsync(Bob.UserName, "Hello", "Hi");
        var token = await Alice.TokenAsync();
        var before = await CountRowsAsync();

        var response = await Alice.PostFormAsync("/messages/thread/abc", [new(BrowserClient.TokenField, token), new("Content", "Reply")]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await CountRowsAsync());
    }

    [Fact]
    public async Task ComposeBodyOfTwoMegabytes_Is413_AndSavesNothing()
    {
        var form = await Alice.GetPageAsync(Paths.Create);

        var response = await Alice.SubmitFormAsync(form, "#um-compose-form", MessagingSteps.ComposeFields(Bob.UserName, "Big", new string('x', 2 * 1024 * 1024)));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal((0, 0, 0), await CountRowsAsync());
    }

    [Fact]
    public async Task ReplyBodyOfTwoMegabytes_Is413_AndSavesNothing()
    {
        var threadId = await Alice.StartThreadAsync(Bob.UserName, "Hello", "Hi");
        var thread = await Alice.GetPageAsync(Paths.Thread(threadId));
        var before = await CountRowsAsync();

        var response = await Alice.SubmitFormAsync(thread, "#um-reply-form", new Dictionary<string, string> { ["Content"] = new string('x', 2 * 1024 * 1024) });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(before, await CountRowsAsync());
    }
}
