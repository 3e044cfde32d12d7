using System.Net;
using UserMessages.IntegrationTests.Infrastructure;

namespace UserMessages.IntegrationTests.Safety;

/// <summary>SPEC §3.8: bad input brings the form back with field errors and the typed values; nothing is saved.</summary>
public sealed class ComposeValidationTests : MessagingTest, IClassFixture<SharedApp>
{
    /// <summary>Stand for this test's Bob and Alice in the test data, written before the users exist.</summary>
    private const string BobName = "{bob}";
    private const string AliceName = "{alice}";

    public ComposeValidationTests(SharedApp app)
        : base(app)
    {
    }

    public static TheoryData<string, string, string, string, string> BadInput => new()
    {
        { "empty subject", BobName, "", "Hello", "#um-subject-error" },
        { "151-character subject", BobName, new string('s', 151), "Hello", "#um-subject-error" },
        { "whitespace-only content", BobName, "Subject", "  \r\n\t  ", "#um-content-error" },
        { "content over 10,000 characters", BobName, "Subject", new string('c', 10_001), "#um-content-error" },
        { "no recipient", "", "Subject", "Hello", "#um-to-error" },
        { "only separators as recipients", " , ; ", "Subject", "Hello", "#um-to-error" },
        { "only the sender as recipient", AliceName, "Subject", "Hello", "#um-to-error" },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task BadInput_ReRendersTheFormWith400_AFieldErrorAndTheTypedValues_AndSavesNothing(
        string problem, string to, string subject, string content, string errorSelector)
    {
        to = to.Replace(BobName, Bob.UserName, StringComparison.Ordinal).Replace(AliceName, Alice.UserName, StringComparison.Ordinal);
        var form = await Alice.GetPageAsync(Paths.Create);

        var response = await Alice.SubmitFormAsync(form, "#um-compose-form", MessagingSteps.ComposeFields(to, subject, content));

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{problem}: expected 400, got {(int)response.StatusCode}");
        var page = await BrowserClient.ReadPageAsync(response);
        Assert.False(string.IsNullOrWhiteSpace(page.Single(errorSelector).TextContent), problem);
        Assert.NotNull(page.Find("#um-compose-form [data-um-errors]"));
        Assert.Equal(to, page.Single("#um-to").GetAttribute("value") ?? string.Empty);
        Assert.Equal(subject, page.Single("#um-subject").GetAttribute("value") ?? string.Empty);
        Assert.Equal(Normalized(content), Normalized(page.Single<AngleSharp.Html.Dom.IHtmlTextAreaElement>("#um-content").Value));
        Assert.Equal((0, 0, 0), await CountRowsAsync());
    }

    [Fact]
    public async Task SeveralProblems_AreAllReportedAtOnce()
    {
        var form = await Alice.GetPageAsync(Paths.Create);

        var response = await Alice.SubmitFormAsync(form, "#um-compose-form", MessagingSteps.ComposeFields("", "", ""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await BrowserClient.ReadPageAsync(response);
        Assert.NotNull(page.Find("#um-to-error"));
        Assert.NotNull(page.Find("#um-subject-error"));
        Assert.NotNull(page.Find("#um-content-error"));
    }

    [Fact]
    public async Task ContentOfExactlyTheLimit_IsAccepted()
    {
        var threadId = await Alice.StartThreadAsync(Bob.UserName, new string('s', 150), new string('c', 10_000));

        var thread = await Alice.GetPageAsync(Paths.Thread(threadId));
        Assert.Equal(10_000, thread.Single("#um-messages .um-message__content").TextContent.Length);
    }

    [Fact]
    public async Task ReplyWithEmptyContent_ReRendersTheThreadWith400AndTheReplyError_AndSavesNothing()
    {
        var threadId = await Alice.StartThreadAsync(Bob.UserName, "Lunch?", "Are you free on Friday?");
        var thread = await Alice.GetPageAsync(Paths.Thread(threadId));
        var before = await CountRowsAsync();

        var response = await Alice.SubmitFormAsync(thread, "#um-reply-form", new Dictionary<string, string> { ["Content"] = "   " });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await BrowserClient.ReadPageAsync(response);
        Assert.False(string.IsNullOrWhiteSpace(page.Single("#um-reply-content-error").TextContent));
        Assert.Single(page.Document.QuerySelectorAll("#um-messages .um-message"));
        Assert.Equal(before, await CountRowsAsync());
    }

    /// <summary>A textarea loses one leading line break when parsed, and browsers send line breaks as CRLF.</summary>
    private static string Normalized(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimStart('\n');
}
