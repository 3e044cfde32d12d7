using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using UserMessages.Blocking;
using UserMessages.IntegrationTests.Infrastructure;

namespace UserMessages.IntegrationTests.Api;

/// <summary>Issue 4 §1: every error of the JSON API is problem+json, with the pages' rules (404 for outsiders, 400 for bad input, nothing saved).</summary>
public sealed class ApiErrorTests : MessagingTest, IClassFixture<SharedApp>
{
    public ApiErrorTests(SharedApp app)
        : base(app)
    {
    }

    public static TheoryData<string, string> ThreadRoutes => new()
    {
        { "GET", "" },
        { "POST", "/messages" },
        { "POST", "/participants" },
        { "POST", "/delete" },
        { "POST", "/restore" },
        { "POST", "/archive" },
        { "POST", "/read" },
        { "POST", "/unread" },
        { "POST", "/leave" },
    };

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Alice.UseAntiforgeryAsync();
        await Bob.UseAntiforgeryAsync();
        await Carol.UseAntiforgeryAsync();
    }

    [Theory]
    [MemberData(nameof(ThreadRoutes))]
    public async Task NonParticipant_Gets404OnEveryThreadRoute_AndNothingChanges(string method, string suffix)
    {
        var threadId = await Alice.ApiStartThreadAsync(Bob.UserName, "Private", "Just us");
        var before = await CountRowsAsync();

        var response = await SendAsync(Carol, method, ApiSteps.Thread(threadId) + suffix, Bob.UserName);

        var problem = await ApiSteps.AssertProblemAsync(response, HttpStatusCode.NotFound);
        Assert.DoesNotContain("Private", problem.ToString(), StringComparison.Ordinal);
        Assert.Equal(before, await CountRowsAsync());

        // A thread that does not exist looks the same.
        await ApiSteps.AssertProblemAsync(await SendAsync(Carol, method, ApiSteps.Thread(threadId + 1000) + suffix, Bob.UserName), HttpStatusCode.NotFound);
    }

    [Theory]
    [MemberData(nameof(ThreadRoutes))]
    public async Task MalformedThreadId_Gets400OnEveryThreadRoute(string method, string suffix)
    {
        foreach (var id in new[] { "abc", "0", "-1", "1.5", "99999999999999999999" })
        {
            await ApiSteps.AssertProblemAsync(await SendAsync(Alice, method, ApiSteps.Thread(id) + suffix, Bob.UserName), HttpStatusCode.BadRequest);
        }
    }

    [Theory]
    [InlineData("/messages/api/folders/inbox?before=garbage")]
    [InlineData("/messages/api/folders/sent?after=12-")]
    [InlineData("/messages/api/search?q=hello&before=nope")]
    public async Task MalformedCursor_Gets400(string url)
    {
        var problem = await ApiSteps.AssertProblemAsync(await Alice.Http.GetAsync(url), HttpStatusCode.BadRequest);

        Assert.True(ApiSteps.FieldErrors(problem).ContainsKey("cursor"));
    }

    [Fact]
    public async Task MalformedCursorOnAThread_Gets400()
    {
        var threadId = await Alice.ApiStartThreadAsync(Bob.UserName, "Cursor", "Test");

        await ApiSteps.AssertProblemAsync(await Alice.Http.GetAsync(ApiSteps.Thread(threadId) + "?after=x-y"), HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("drafts")]
    [InlineData("0")]
    public async Task UnknownFolder_Gets404(string folder)
    {
        await ApiSteps.AssertProblemAsync(await Alice.Http.GetAsync(ApiSteps.Folder(folder)), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task SearchTooShort_Gets400WithAFieldError()
    {
        var problem = await ApiSteps.AssertProblemAsync(await Alice.Http.GetAsync(ApiSteps.Root + "/search?q=a"), HttpStatusCode.BadRequest);

        Assert.True(ApiSteps.FieldErrors(problem).ContainsKey("q"));
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("{\"to\":\"bob\",\"subject\":\"s\",\"content\":\"c\"}")]
    public async Task MalformedJsonBody_Gets400_AndSavesNothing(string body)
    {
        var response = await Alice.Http.PostAsync(ApiSteps.Threads, new StringContent(body, Encoding.UTF8, "application/json"));

        await ApiSteps.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal((0, 0, 0), await CountRowsAsync());
    }

    [Fact]
    public async Task FormEncodedBody_Gets415()
    {
        var response = await Alice.PostFormAsync(ApiSteps.Threads, new Dictionary<string, string> { ["To"] = Bob.UserName, ["Subject"] = "s", ["Content"] = "c" });

        await ApiSteps.AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
        Assert.Equal((0, 0, 0), await CountRowsAsync());
    }

    [Fact]
    public async Task EmptyNewThread_Gets400WithFieldErrorsForSubjectContentAndTo()
    {
        var response = await Alice.PostJsonAsync(ApiSteps.Threads, new { to = Array.Empty<string>(), subject = " ", content = "" });

        var errors = ApiSteps.FieldErrors(await ApiSteps.AssertProblemAsync(response, HttpStatusCode.BadRequest));
        Assert.Equal(new[] { "content", "subject", "to" }, errors.Keys.Order());
        Assert.Equal((0, 0, 0), await CountRowsAsync());
    }

    [Fact]
    public async Task OverlongSubjectAndContent_Get400FieldErrors()
    {
        var response = await Alice.PostJsonAsync(ApiSteps.Threads, new { to = new[] { Bob.UserName }, subject = new string('s', 151), content = new string('c', 10_001) });

        var problem = await ApiSteps.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = ApiSteps.FieldErrors(problem);
        Assert.Equal(new[] { "content", "subject" }, errors.Keys.Order());
        Assert.Equal("SubjectTooLong", problem.GetProperty("codes").GetProperty("subject")[0].GetString());
        Assert.Equal((0, 0, 0), await CountRowsAsync());
    }

    [Fact]
    public async Task EmptyReply_Gets400WithAContentError()
    {
        var threadId = await Alice.ApiStartThreadAsync(Bob.UserName, "Hi", "Hello");
        var before = await CountRowsAsync();

        var response = await Bob.PostJsonAsync(ApiSteps.Thread(threadId) + "/messages", new { content = "  \n " });

        Assert.True(ApiSteps.FieldErrors(await ApiSteps.AssertProblemAsync(response, HttpStatusCode.BadRequest)).ContainsKey("content"));
        Assert.Equal(before, await CountRowsAsync());
    }

    [Fact]
    public async Task UnknownAndBlockedRecipients_GetTheSameError()
    {
        await Alice.ApiStartThreadAsync(Bob.UserName, "Hello", "Do you have a minute?");
        await using (var scope = App.Services.CreateAsyncScope())
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<IUserBlockList>().BlockAsync(Bob.Id, Alice.Id)).Succeeded);
        }

        var before = await CountRowsAsync();
        var blocked = await ApiSteps.AssertProblemAsync(
            await Alice.PostJsonAsync(ApiSteps.Threads, new { to = new[] { Bob.UserName }, subject = "Hi", content = "Hello" }), HttpStatusCode.BadRequest);
        var unknown = await ApiSteps.AssertProblemAsync(
            await Alice.PostJsonAsync(ApiSteps.Threads, new { to = new[] { "nobody@example.com" }, subject = "Hi", content = "Hello" }), HttpStatusCode.BadRequest);

        Assert.Equal(
            ApiSteps.FieldErrors(unknown)["to"].Single().Replace("nobody@example.com", "NAME", StringComparison.Ordinal),
            ApiSteps.FieldErrors(blocked)["to"].Single().Replace(Bob.UserName, "NAME", StringComparison.Ordinal));
        Assert.Equal(unknown.GetProperty("codes").ToString(), blocked.GetProperty("codes").ToString());
        Assert.Equal(before, await CountRowsAsync());

        // Adding the blocking user to a thread is refused the same way.
        var threadId = await Alice.ApiStartThreadAsync(Carol.UserName, "Team", "Hi");
        var add = await ApiSteps.AssertProblemAsync(
            await Alice.PostJsonAsync(ApiSteps.Thread(threadId) + "/participants", new { to = new[] { Bob.UserName } }), HttpStatusCode.BadRequest);
        Assert.Equal(unknown.GetProperty("codes").ToString(), add.GetProperty("codes").ToString());
    }

    [Fact]
    public async Task TooLargeBody_Gets413_AndSavesNothing()
    {
        var response = await Alice.PostJsonAsync(ApiSteps.Threads, new { to = new[] { Bob.UserName }, subject = "Big", content = new string('x', 2_000_000) });

        await ApiSteps.AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal((0, 0, 0), await CountRowsAsync());
    }

    [Theory]
    [InlineData("{\"action\":\"shred\",\"ids\":[1]}", HttpStatusCode.BadRequest)]
    [InlineData("{\"action\":\"3\",\"ids\":[1]}", HttpStatusCode.BadRequest)]
    [InlineData("{\"action\":\"archive\",\"ids\":[0]}", HttpStatusCode.BadRequest)]
    [InlineData("{\"action\":\"archive\",\"ids\":[]}", HttpStatusCode.BadRequest)]
    [InlineData("{\"action\":\"archive\",\"ids\":[\"x\"]}", HttpStatusCode.BadRequest)]
    public async Task BadBulkRequests_Get400(string body, HttpStatusCode status)
    {
        await Alice.ApiStartThreadAsync(Bob.UserName, "One", "1");

        await ApiSteps.AssertProblemAsync(await Alice.Http.PostAsync(ApiSteps.Bulk, new StringContent(body, Encoding.UTF8, "application/json")), status);
    }

    [Theory]
    [InlineData("/threads", "{\"to\":[\"{bob}\"],\"subject\":1,\"content\":\"c\"}", "subject", "NotText")]
    [InlineData("/threads", "{\"to\":[\"{bob}\"],\"subject\":\"s\",\"content\":{\"text\":\"c\"}}", "content", "NotText")]
    [InlineData("/threads", "{\"to\":\"{bob}\",\"subject\":\"s\",\"content\":\"c\"}", "to", "NotAListOfNames")]
    [InlineData("/threads", "{\"to\":[1],\"subject\":\"s\",\"content\":\"c\"}", "to", "NotAListOfNames")]
    [InlineData("/threads/bulk", "{\"action\":\"shred\",\"ids\":[1]}", "action", "UnknownBulkAction")]
    [InlineData("/threads/bulk", "{\"action\":7,\"ids\":[1]}", "action", "NotText")]
    [InlineData("/threads/bulk", "{\"action\":\"archive\",\"ids\":[-1]}", "ids", "InvalidThreadIds")]
    [InlineData("/threads/bulk", "{\"action\":\"archive\",\"ids\":[0]}", "ids", "InvalidThreadIds")]
    [InlineData("/threads/bulk", "{\"action\":\"archive\",\"ids\":[\"abc\"]}", "ids", "InvalidThreadIds")]
    [InlineData("/threads/bulk", "{\"action\":\"archive\",\"ids\":[9223372036854775808]}", "ids", "InvalidThreadIds")]
    [InlineData("/threads/bulk", "{\"action\":\"archive\",\"ids\":[1.5]}", "ids", "InvalidThreadIds")]
    public async Task AValueOfTheWrongKind_Gets400_WithAnErrorKeyedByItsField_AndAStableCode(string path, string body, string field, string code)
    {
        await Alice.ApiStartThreadAsync(Bob.UserName, "One", "1");
        var before = await CountRowsAsync();

        // {bob}: this test's Bob, a name that would be accepted.
        var json = body.Replace("{bob}", Bob.UserName, StringComparison.Ordinal);
        var response = await Alice.Http.PostAsync(ApiSteps.Root + path, new StringContent(json, Encoding.UTF8, "application/json"));

        var problem = await ApiSteps.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal([field], ApiSteps.FieldErrors(problem).Keys);
        Assert.Equal(code, problem.GetProperty("codes").GetProperty(field)[0].GetString());
        Assert.Equal(before, await CountRowsAsync());
    }

    [Fact]
    public async Task BulkIncludingSomeoneElsesThread_Gets404_AndChangesNothing()
    {
        var mine = await Alice.ApiStartThreadAsync(Bob.UserName, "Mine", "1");
        var theirs = await Bob.ApiStartThreadAsync(Carol.UserName, "Theirs", "2");

        var response = await Alice.PostJsonAsync(ApiSteps.Bulk, new { action = "delete", ids = new[] { mine, theirs } });

        await ApiSteps.AssertProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Equal(new[] { mine }, await Alice.ApiFolderIdsAsync("inbox"));
    }

    [Theory]
    [InlineData("GET", "/messages/api/folders/inbox")]
    [InlineData("GET", "/messages/api/unread-count")]
    [InlineData("GET", "/messages/api/threads/1")]
    [InlineData("GET", "/messages/api/antiforgery")]
    [InlineData("POST", "/messages/api/threads")]
    [InlineData("POST", "/messages/api/threads/1/delete")]
    public async Task Anonymous_Gets401(string method, string url)
    {
        using var anonymous = App.CreateBrowser();

        var response = method == "GET" ? await anonymous.Http.GetAsync(url) : await anonymous.PostJsonAsync(url, new { content = "x" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task CookieCallWithoutAntiforgeryHeader_Gets400_AndChangesNothing()
    {
        var threadId = await Alice.ApiStartThreadAsync(Bob.UserName, "Keep", "Me");
        using var bobWithoutToken = App.CreateBrowser(Bob.User);
        var before = await CountRowsAsync();

        await ApiSteps.AssertProblemAsync(await bobWithoutToken.PostJsonAsync(ApiSteps.Thread(threadId) + "/messages", new { content = "Forged" }), HttpStatusCode.BadRequest);
        await ApiSteps.AssertProblemAsync(await bobWithoutToken.PostAsync(ApiSteps.Thread(threadId) + "/delete"), HttpStatusCode.BadRequest);
        await ApiSteps.AssertProblemAsync(
            await bobWithoutToken.PostJsonAsync(ApiSteps.Threads, new { to = new[] { Alice.UserName }, subject = "Forged", content = "Forged" }), HttpStatusCode.BadRequest);
        bobWithoutToken.Http.DefaultRequestHeaders.Add("RequestVerificationToken", "not-a-token");
        await ApiSteps.AssertProblemAsync(await bobWithoutToken.PostAsync(ApiSteps.Thread(threadId) + "/archive"), HttpStatusCode.BadRequest);

        Assert.Equal(before, await CountRowsAsync());
        Assert.Equal(new[] { threadId }, await Bob.ApiFolderIdsAsync("inbox"));

        // Another user's token does not do either.
        using var bobWithAlicesToken = App.CreateBrowser(Bob.User);
        using var alices = await Alice.GetJsonAsync(ApiSteps.Antiforgery);
        bobWithAlicesToken.Http.DefaultRequestHeaders.Add("RequestVerificationToken", alices.RootElement.GetProperty("token").GetString());
        await ApiSteps.AssertProblemAsync(await bobWithAlicesToken.PostAsync(ApiSteps.Thread(threadId) + "/delete"), HttpStatusCode.BadRequest);

        await bobWithoutToken.UseAntiforgeryAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await bobWithoutToken.PostAsync(ApiSteps.Thread(threadId) + "/delete")).StatusCode);
        Assert.Empty(await Bob.ApiFolderIdsAsync("inbox"));
    }

    /// <summary>Calls a thread route as the API's clients do; adding people names <paramref name="person"/>.</summary>
    private static Task<HttpResponseMessage> SendAsync(BrowserClient browser, string method, string url, string person)
        => method == "GET"
            ? browser.Http.GetAsync(url)
            : url.EndsWith("/messages", StringComparison.Ordinal)
                ? browser.PostJsonAsync(url, new { content = "Hello" })
                : url.EndsWith("/participants", StringComparison.Ordinal)
                    ? browser.PostJsonAsync(url, new { to = new[] { person } })
                    : browser.PostAsync(url);
}
