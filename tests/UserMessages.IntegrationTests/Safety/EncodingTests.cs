using System.Net;
using UserMessages.IntegrationTests.Infrastructure;

namespace UserMessages.IntegrationTests.Safety;

/// <summary>SPEC §7: content is always HTML-encoded and keeps its line breaks.</summary>
public sealed class EncodingTests : MessagingTest, IClassFixture<SharedApp>
{
    private const string Script = "<script>alert(1)</script>";

    public EncodingTests(SharedApp app)
        : base(app)
    {
    }

    [Fact]
    public async Task ScriptInSubjectAndContent_IsShownAsText_NeverRunAsHtml()
    {
        var threadId = await Alice.StartThreadAsync(Bob.UserName, "Hi " + Script, "Look: " + Script);

        var thread = await Bob.GetPageAsync(Paths.Thread(threadId));

        Assert.Equal(HttpStatusCode.OK, thread.Status);
        Assert.DoesNotContain(Script, thread.Html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", thread.Html, StringComparison.Ordinal);
        var content = thread.Single("#um-messages .um-message__content");
        Assert.Equal("Look: " + Script, content.TextContent);
        Assert.Empty(content.QuerySelectorAll("script"));
        Assert.Equal("Hi " + Script, thread.Single("#um-subject").TextContent.Trim());
        Assert.DoesNotContain(thread.Document.QuerySelectorAll("script"), s => s.TextContent.Contains("alert", StringComparison.Ordinal));

        var inbox = await Bob.GetPageAsync(Paths.Inbox);
        Assert.DoesNotContain(Script, inbox.Html, StringComparison.Ordinal);
        var row = inbox.ThreadRow(threadId)!;
        Assert.Empty(row.QuerySelectorAll("script"));
        Assert.Contains("Hi " + Script, row.QuerySelector(".um-thread__subject")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Look: " + Script, row.QuerySelector(".um-thread__excerpt")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LineBreaksInContent_AreKept()
    {
        // Browsers send line breaks in a textarea as CRLF.
        var threadId = await Alice.StartThreadAsync(Bob.UserName, "Shopping", "Milk\r\nEggs\r\n\r\nBread");

        var thread = await Bob.GetPageAsync(Paths.Thread(threadId));

        // A line break stays a line break; a blank line starts a paragraph (Markdown, issue 22).
        var paragraphs = thread.Document.QuerySelectorAll("#um-messages .um-message__content p");
        Assert.Equal(["Milk\nEggs", "Bread"], paragraphs.Select(p => p.TextContent));
        Assert.Single(paragraphs[0].QuerySelectorAll("br"));
    }

    [Fact]
    public async Task ScriptInAReply_IsShownAsText()
    {
        var threadId = await Alice.StartThreadAsync(Bob.UserName, "Hello", "Hi");
        await Bob.ReplyAsync(threadId, Script);

        var thread = await Alice.GetPageAsync(Paths.Thread(threadId));

        Assert.DoesNotContain(Script, thread.Html, StringComparison.Ordinal);
        var reply = thread.Document.QuerySelectorAll("#um-messages .um-message__content")[1];
        Assert.Equal(Script, reply.TextContent);
        Assert.Empty(reply.QuerySelectorAll("script"));
    }

    [Fact]
    public async Task ScriptTypedAsRecipient_ComesBackEncodedInTheErrorAndTheField()
    {
        var form = await Alice.GetPageAsync(Paths.Create);

        var response = await Alice.SubmitFormAsync(form, "#um-compose-form", MessagingSteps.ComposeFields(Script, "Hello", "Hi"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await BrowserClient.ReadPageAsync(response);
        Assert.DoesNotContain(Script, page.Html, StringComparison.Ordinal);
        Assert.Contains(Script, page.Single("#um-to-error").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.Single("#um-compose-form").QuerySelectorAll("script"));
        Assert.Equal(Script, page.Single("#um-to").GetAttribute("value"));
    }
}
