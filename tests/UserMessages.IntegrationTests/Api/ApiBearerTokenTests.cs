using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using UserMessages.IntegrationTests.Infrastructure;

namespace UserMessages.IntegrationTests.Api;

/// <summary>
/// Issue 4 §1: a non-browser client of the sample registers and logs in at Identity's
/// <c>/identity</c> endpoints and calls the API with <c>Authorization: Bearer</c>, no cookie and
/// no antiforgery token; no test authentication at all.
/// </summary>
public sealed class ApiBearerTokenTests : IAsyncLifetime
{
    private const string Password = "Test-pass-1";
    private readonly MessagesFactory app = new(testAuthentication: false);

    [Fact]
    public async Task TwoBearerClients_TalkThroughTheApi_WithoutAntiforgeryTokens()
    {
        using var alice = await SignInAsync("alice@example.com");
        using var bob = await SignInAsync("bob@example.com");

        var created = await alice.PostAsJsonAsync(ApiSteps.Threads, new { to = new[] { "bob@example.com" }, subject = "From my phone", content = "Hi Bob" });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using (var count = await ApiSteps.GetJsonAsync(bob, ApiSteps.UnreadCount))
        {
            Assert.Equal(1, count.RootElement.GetProperty("count").GetInt32());
        }

        using (var thread = await ApiSteps.GetJsonAsync(bob, created.Headers.Location!.OriginalString))
        {
            Assert.Equal("Hi Bob", Assert.Single(thread.RootElement.GetProperty("messages").EnumerateArray()).GetProperty("content").GetString());
        }

        var threadPath = created.Headers.Location!.OriginalString;
        Assert.Equal(HttpStatusCode.Created, (await bob.PostAsJsonAsync(threadPath + "/messages", new { content = "Hi Alice" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await bob.PostAsync(threadPath + "/delete", content: null)).StatusCode);
        using var trash = await ApiSteps.GetJsonAsync(bob, ApiSteps.Folder("trash"));
        Assert.Single(trash.RootElement.GetProperty("threads").EnumerateArray());
    }

    [Fact]
    public async Task AWrongBearerToken_Gets401()
    {
        using var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-token");

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(ApiSteps.UnreadCount)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync(ApiSteps.Threads, new { to = new[] { "x" }, subject = "s", content = "c" })).StatusCode);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await app.DisposeAsync();

    private async Task<HttpClient> SignInAsync(string email)
    {
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var registered = await client.PostAsJsonAsync("/identity/register", new { email, password = Password });
        Assert.True(registered.IsSuccessStatusCode, await registered.Content.ReadAsStringAsync());

        var login = await client.PostAsJsonAsync("/identity/login", new { email, password = Password });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        using var json = JsonDocument.Parse(await login.Content.ReadAsStringAsync());
        Assert.Equal("Bearer", json.RootElement.GetProperty("tokenType").GetString());
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", json.RootElement.GetProperty("accessToken").GetString());
        return client;
    }
}
