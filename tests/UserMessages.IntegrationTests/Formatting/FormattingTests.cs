using System.Net;
using Microsoft.EntityFrameworkCore;
using UserMessages.Domain;
using UserMessages.IntegrationTests.Api;
using UserMessages.IntegrationTests.Infrastructure;

namespace UserMessages.IntegrationTests.Formatting;

/// <summary>
/// Issue 22, item 1: messages are written in a small Markdown, rendered once when stored; nothing unsafe reaches the page,
/// messages stored as plain text look as before, the Preview button works without a script, and the API gives both.
/// </summary>
public sealed class FormattingTests(SharedApp sharedApp) : MessagingTest(sharedApp), IClassFixture<SharedApp>
{
    private const string Rel = "nofollow ugc noopener noreferrer";

    [Fact]
    public async Task AReplyInMarkdown_IsShownFormatted_WithSafeLinksOnly()
    {
        var threadId = await Alice.StartThreadAsync(Bob.UserName, "Plans", "Hello");
        const string Source = "I *really* liked **this** one: https://example.com/trip\n\n- bring boots\n- [click me](javascript:alert(1))\n\n> see you\n\n<script>alert(1)</script>";
        await Bob.ReplyAsync(threadId, Source);

        var thread = await Alice.GetPageAsync(Paths.Thread(threadId));

        var content = thread.Document.QuerySelectorAll("#um-messages .um-message__content")[1];
        Assert.Contains("um-message__content--formatted", content.ClassList);
        Assert.Equal("really", content.QuerySelector("em")!.TextContent);
        Assert.Equal("this", content.QuerySelector("strong")!.TextContent);
        Assert.Equal(["bring boots", "click me"], content.QuerySelectorAll("ul > li").Select(li => li.TextContent));
        Assert.Equal("see you", content.QuerySelector("blockquote")!.TextContent.Trim());
        var link = Assert.Single(content.QuerySelectorAll("a"));
        Assert.Equal("https://example.com/trip", link.GetAttribute("href"));
        Assert.Equal(Rel, link.GetAttribute("rel"));
        Assert.Empty(thread.Document.QuerySelectorAll("#um-messages script, #um-messages [href^='javascript']"));
        Assert.Contains("<script>alert(1)</script>", content.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", thread.Html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task TheApi_ReturnsTheSourceAndTheRenderedHtml()
    {
        var threadId = await Alice.StartThreadAsync(Bob.UserName, "Plans", "Meet at *noon*, see www.example.com");

        using var json = await Bob.GetJsonAsync(ApiSteps.Thread(threadId));

        var message = json.RootElement.GetProperty("messages")[0];
        Assert.Equal("Meet at *noon*, see www.example.com", message.GetProperty("content").GetString());
        Assert.Equal(
            $"<p>Meet at <em>noon</em>, see <a href=\"http://www.example.com\" rel=\"{Rel}\">www.example.com</a></p>",
            message.GetProperty("html").GetString());
    }

    [Fact]
    public async Task AMessageStoredAsPlainText_LooksAsBefore_InThePageAndTheApi()
    {
        var threadId = await Alice.StartThreadAsync(Bob.UserName, "Old", "placeholder");

        // As a message written before formatting existed is stored: its text, no HTML.
        await App.WithDbAsync(db => db.Messages.Where(m => m.ThreadId == threadId).ExecuteUpdateAsync(
            s => s.SetProperty(m => m.Content, "Line *one*\n<b>two</b>").SetProperty(m => m.ContentHtml, (string?)null)));

        var thread = await Bob.GetPageAsync(Paths.Thread(threadId));

        var content = thread.Single("#um-messages .um-message__content");
        Assert.DoesNotContain("um-message__content--formatted", content.ClassList);
        Assert.Equal("Line *one*\n<b>two</b>", content.TextContent);
        Assert.Empty(content.Children);
        using var json = await Bob.GetJsonAsync(ApiSteps.Thread(threadId));
        Assert.Equal("<p>Line *one*<br />\n&lt;b&gt;two&lt;/b&gt;</p>", json.RootElement.GetProperty("messages")[0].GetProperty("html").GetString());
    }

    [Fact]
    public async Task TheReplyFormsPreviewButton_ShowsTheReplyAsItWillLook_KeepsTheText_AndSendsNothing()
    {
        var threadId = await Alice.StartThreadAsync(Bob.UserName, "Plans", "Hello");
        var thread = await Bob.GetPageAsync(Paths.Thread(threadId));

        var response = await Bob.PressAsync(thread, "#um-reply-preview", fields => Set(fields, "Content", "**Yes** [the map](https://example.com/map)"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await BrowserClient.ReadPageAsync(response);
        var preview = page.Single("#um-preview .um-message__content");
        Assert.Equal("Yes", preview.QuerySelector("strong")!.TextContent);
        Assert.Equal(Rel, preview.QuerySelector("a")!.GetAttribute("rel"));
        Assert.Equal("**Yes** [the map](https://example.com/map)", page.Single("#um-reply-content").TextContent);
        Assert.Single(page.Document.QuerySelectorAll("#um-messages .um-message"));
        Assert.Equal(1, await App.WithDbAsync(db => db.Messages.CountAsync(m => m.ThreadId == threadId && m.Kind == MessageKind.Text)));

        // Sending from the previewed page sends it, once.
        var sent = await Bob.PressAsync(page, "#um-reply-send");
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal(2, await App.WithDbAsync(db => db.Messages.CountAsync(m => m.ThreadId == threadId && m.Kind == MessageKind.Text)));
    }

    [Fact]
    public async Task TheComposeFormsPreviewButton_KeepsTheRecipientsSubjectAndText_AndSendsNothing()
    {
        var form = await Alice.GetPageAsync(Paths.CreateTo(Bob.Id));

        var response = await Alice.PressAsync(form, "#um-preview-button", fields =>
        {
            Set(fields, "Subject", "Trip");
            Set(fields, "Content", "1. pack\n2. go");
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await BrowserClient.ReadPageAsync(response);
        Assert.Equal(["pack", "go"], page.Document.QuerySelectorAll("#um-preview ol > li").Select(li => li.TextContent));
        Assert.Equal("Trip", page.Single("#um-subject").GetAttribute("value"));
        Assert.Equal(Bob.Id, page.Single("#um-to-chosen input[name='ToId']").GetAttribute("value"));
        Assert.Empty(page.Document.QuerySelectorAll(".um-error-summary, .um-field-error"));
        Assert.Equal(0, await App.WithDbAsync(db => db.Set<MessageThread>().CountAsync(t => t.CreatedById == Alice.Id)));
    }

    [Fact]
    public async Task ThePreview_OfAThreadOneMayNotSee_IsNotFound()
    {
        var threadId = await Alice.StartThreadAsync(Bob.UserName, "Private", "Hello");

        var response = await Carol.PostFormAsync(Paths.Thread(threadId), [new(BrowserClient.TokenField, await Carol.TokenAsync()), new("Content", "peek"), new("Preview", "true")]);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("Private", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheFormsSayWhatFormattingIsUnderstood()
    {
        var thread = await Bob.GetPageAsync(Paths.Thread(await Alice.StartThreadAsync(Bob.UserName, "Hi", "Hello")));

        Assert.Contains("**bold**", thread.Single("#um-reply-content-hint").TextContent, StringComparison.Ordinal);
        Assert.Contains("um-reply-content-hint", thread.Single("#um-reply-content").GetAttribute("aria-describedby"), StringComparison.Ordinal);
    }

    private static void Set(List<KeyValuePair<string, string>> fields, string name, string value)
    {
        fields.RemoveAll(f => f.Key == name);
        fields.Add(new(name, value));
    }
}

/// <summary>Issue 22, item 1: with <c>Formatting</c> off, every message is the plain text it was written in, also one stored formatted.</summary>
public sealed class FormattingOffTests(SharedApp sharedApp) : MessagingTest(sharedApp), IClassFixture<SharedApp>
{
    protected override IReadOnlyDictionary<string, string>? Settings => new Dictionary<string, string> { ["Messages:Formatting"] = "false" };

    [Fact]
    public async Task Markdown_IsShownAsTyped_AndStoredWithoutHtml()
    {
        var threadId = await Alice.StartThreadAsync(Bob.UserName, "Plain", "*not emphasis* https://example.com");

        var thread = await Bob.GetPageAsync(Paths.Thread(threadId));

        var content = thread.Single("#um-messages .um-message__content");
        Assert.Equal("*not emphasis* https://example.com", content.TextContent);
        Assert.Empty(content.Children);
        Assert.Null(thread.Find("#um-reply-content-hint"));
        Assert.Null(await App.WithDbAsync(db => db.Messages.Where(m => m.ThreadId == threadId).Select(m => m.ContentHtml).SingleAsync()));
    }

    [Fact]
    public async Task AMessageStoredFormatted_IsShownAsItsPlainText()
    {
        var threadId = await Alice.StartThreadAsync(Bob.UserName, "Plain", "*was formatted*");
        await App.WithDbAsync(db => db.Messages.Where(m => m.ThreadId == threadId).ExecuteUpdateAsync(s => s.SetProperty(m => m.ContentHtml, "<p><em>was formatted</em></p>")));

        var thread = await Bob.GetPageAsync(Paths.Thread(threadId));

        Assert.Equal("*was formatted*", thread.Single("#um-messages .um-message__content").TextContent);
        Assert.Null(thread.Find("#um-messages em"));
    }
}
