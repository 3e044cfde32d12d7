using System.Net;
using UserMessages.IntegrationTests.Api;
using UserMessages.IntegrationTests.Infrastructure;

namespace UserMessages.IntegrationTests.Safety;

/// <summary>
/// Issue 18 §5 and §6: a subject is one line, and text with control characters gets a field error
/// (400, never 413 or 500) with what was typed kept, in the pages and the API, on every provider.
/// </summary>
public sealed class ControlCharacterTests : MessagingTest, IClassFixture<SharedApp>
{
    private const string HeaderInjection = "Hi\r\nBcc: x@example.com";

    public ControlCharacterTests(SharedApp app)
        : base(app)
    {
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Alice.UseAntiforgeryAsync();
        await Bob.UseAntiforgeryAsync();
    }

    [Theory]
    [InlineData(HeaderInjection)]
    [InlineData("Tab\there")]
    [InlineData("Line\u2028separator")]
    public async Task ASubjectOfMoreThanOneLine_GetsASubjectError_AndTheTypedTextBack(string subject)
    {
        var form = await Alice.GetPageAsync(Paths.Create);

        var response = await Alice.SubmitFormAsync(form, "#um-compose-form", MessagingSteps.ComposeFields(Bob.UserName, subject, "Hello there"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await BrowserClient.ReadPageAsync(response);
        Assert.Contains("one line", page.Single("#um-subject-error").TextContent, StringComparison.Ordinal);
        Assert.Equal(Bob.UserName, page.Single("#um-to").GetAttribute("value"));
        Assert.Equal("Hello there", page.Single("#um-content").TextContent);
        Assert.Equal((0, 0, 0), await CountRowsAsync());
    }

    [Fact]
    public async Task ANulInAMessage_GetsAContentError_Not413_AndTheRestOfTheFormBack()
    {
        var form = await Alice.GetPageAsync(Paths.Create);

        var response = await Alice.SubmitFormAsync(form, "#um-compose-form", MessagingSteps.ComposeFields(Bob.UserName, "Lunch", "Hello\0world"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await BrowserClient.ReadPageAsync(response);
        Assert.Contains("control characters", page.Single("#um-content-error").TextContent, StringComparison.Ordinal);
        Assert.Null(page.Find("#um-subject-error"));
        Assert.Equal("Lunch", page.Single("#um-subject").GetAttribute("value"));
        Assert.Equal(Bob.UserName, page.Single("#um-to").GetAttribute("value"));
        Assert.StartsWith("Hello", page.Single("#um-content").TextContent, StringComparison.Ordinal);
        Assert.EndsWith("world", page.Single("#um-content").TextContent, StringComparison.Ordinal);
        Assert.Equal((0, 0, 0), await CountRowsAsync());
    }

    [Fact]
    public async Task AReplyWithAControlCharacter_GetsAReplyError_AndSavesNothing()
    {
        var threadId = await Alice.StartThreadAsync(Bob.UserName, "Lunch", "Friday?");
        var thread = await Bob.GetPageAsync(Paths.Thread(threadId));
        var before = await CountRowsAsync();

        var response = await Bob.SubmitFormAsync(thread, "#um-reply-form", new Dictionary<string, string> { ["Content"] = "Yes\0!\u0007" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await BrowserClient.ReadPageAsync(response);
        Assert.Contains("control characters", page.Single("#um-reply-content-error").TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await CountRowsAsync());
    }

    [Fact]
    public async Task LineBreaksAndTabs_InAMessage_AreKept()
    {
        var threadId = await Alice.StartThreadAsync(Bob.UserName, "List", "One\r\n\tTwo");

        var thread = await Bob.GetPageAsync(Paths.Thread(threadId));

        // Stored as typed (line endings as a line feed); shown as Markdown shows it, the lines kept apart.
        using var json = await Bob.GetJsonAsync(ApiSteps.Thread(threadId));
        Assert.Equal("One\n\tTwo", json.RootElement.GetProperty("messages")[0].GetProperty("content").GetString());
        var shown = thread.Single("#um-messages .um-message__content p");
        Assert.Equal("One\nTwo", shown.TextContent);
        Assert.Single(shown.QuerySelectorAll("br"));
    }

    [Fact]
    public async Task TheApi_RefusesAMultiLineSubject_WithASubjectErrorAndItsCode()
    {
        var response = await Alice.PostJsonAsync(ApiSteps.Threads, new { to = new[] { Bob.UserName }, subject = HeaderInjection, content = "Hello" });

        var problem = await ApiSteps.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(["subject"], ApiSteps.FieldErrors(problem).Keys);
        Assert.Equal("SubjectNotOneLine", problem.GetProperty("codes").GetProperty("subject")[0].GetString());
        Assert.Equal((0, 0, 0), await CountRowsAsync());
    }

    [Fact]
    public async Task TheApi_RefusesANulInANewThreadAndInAReply_With400_NeverA500()
    {
        var started = await Alice.PostJsonAsync(ApiSteps.Threads, new { to = new[] { Bob.UserName }, subject = "Hi", content = "Hello\u0000world" });
        var problem = await ApiSteps.AssertProblemAsync(started, HttpStatusCode.BadRequest);
        Assert.Equal("ContentHasControlCharacters", problem.GetProperty("codes").GetProperty("content")[0].GetString());

        var threadId = await Alice.ApiStartThreadAsync(Bob.UserName, "Hi", "Hello");
        var before = await CountRowsAsync();
        var replied = await Bob.PostJsonAsync(ApiSteps.Thread(threadId) + "/messages", new { content = "\u0000" });
        Assert.True(ApiSteps.FieldErrors(await ApiSteps.AssertProblemAsync(replied, HttpStatusCode.BadRequest)).ContainsKey("content"));
        Assert.Equal(before, await CountRowsAsync());
    }

    [Fact]
    public async Task ANulInARecipientOrASearch_IsRefusedAsAnyUnknownNameOrBadQuery_NeverA500()
    {
        var toNul = await Alice.PostJsonAsync(ApiSteps.Threads, new { to = new[] { Bob.UserName.Replace("@", "\u0000@", StringComparison.Ordinal) }, subject = "Hi", content = "Hello" });
        Assert.True(ApiSteps.FieldErrors(await ApiSteps.AssertProblemAsync(toNul, HttpStatusCode.BadRequest)).ContainsKey("to"));

        var search = await Alice.Http.GetAsync(ApiSteps.Root + "/search?q=ab%00cd");
        Assert.True(ApiSteps.FieldErrors(await ApiSteps.AssertProblemAsync(search, HttpStatusCode.BadRequest)).ContainsKey("q"));

        var suggestions = await Alice.Http.GetAsync("/messages/recipients?q=bo%00b");
        Assert.Equal(HttpStatusCode.BadRequest, suggestions.StatusCode);

        var searchPage = await Alice.GetPageAsync(Paths.Inbox + "/search?q=ab%00cd");
        Assert.Equal(HttpStatusCode.BadRequest, searchPage.Status);
    }
}
