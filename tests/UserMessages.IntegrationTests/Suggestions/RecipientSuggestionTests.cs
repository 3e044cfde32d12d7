using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using UserMessages.IntegrationTests.Api;
using UserMessages.IntegrationTests.Infrastructure;

namespace UserMessages.IntegrationTests.Suggestions;

/// <summary>Issue 3 §4: the recipient type-ahead, GET <c>/messages/recipients?q=</c> (and the API's).</summary>
/// <remarks>An app per test: suggestions search every user of the app, and other tests' Bobs would be suggested too.</remarks>
public sealed class RecipientSuggestionTests : IsolatedMessagingTest
{
    [Fact]
    public async Task ForBo_ReturnsBobAsJson_ByIdAndPublicName_WithoutHisAddress()
    {
        var response = await Alice.Http.GetAsync(MailboxPaths.RecipientsFor("bo"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var bob = Assert.Single(json.RootElement.EnumerateArray());
        Assert.Equal(Bob.Id, bob.GetProperty("id").GetString());
        Assert.Equal(Bob.DisplayName, bob.GetProperty("displayName").GetString());
        Assert.Equal(["id", "displayName"], bob.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Recipients_SuggestsUsersAsJson()
    {
        using var json = await Alice.GetJsonAsync(ApiSteps.Root + "/recipients?q=bo");

        var bob = Assert.Single(json.RootElement.EnumerateArray());
        Assert.Equal(Bob.Id, bob.GetProperty("id").GetString());
    }

    [Fact]
    public async Task NeverSuggestsTheCaller()
    {
        Assert.DoesNotContain(Alice.Id, await Alice.SuggestedIdsAsync("al"));
        Assert.Contains(Alice.Id, await Bob.SuggestedIdsAsync("al"));
    }

    [Fact]
    public async Task MatchesTheStartOfTheNameWhateverTheCase()
    {
        Assert.Equal(new[] { Carol.Id }, await Alice.SuggestedIdsAsync("CAR"));
        Assert.Empty(await Alice.SuggestedIdsAsync("arol"));
    }

    [Theory]
    [InlineData("%o")]
    [InlineData("_o")]
    [InlineData("b%")]
    public async Task WildcardCharactersInTheQuery_MatchOnlyThemselves(string query)
    {
        Assert.Empty(await Alice.SuggestedIdsAsync(query));
    }

    [Fact]
    public async Task MatchesTheStartOfTheEmailAddressToo()
    {
        // A user whose name is not their e-mail address.
        var dora = await App.CreateUserAsync("explorer@example.com");
        await WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Id == dora.Id);
            user.UserName = "dora";
            user.NormalizedUserName = "DORA";
            return await db.SaveChangesAsync();
        });

        Assert.Equal(new[] { dora.Id }, await Alice.SuggestedIdsAsync("expl"));
    }

    [Fact]
    public async Task ReturnsAtMostTenUsers()
    {
        var matching = new List<TestUser> { Bob.User };
        for (var i = 1; i <= 12; i++)
        {
            matching.Add(await App.CreateUserAsync($"bo{i.ToString("00", CultureInfo.InvariantCulture)}@example.com"));
        }

        var ids = await Alice.SuggestedIdsAsync("bo");

        Assert.Equal(10, ids.Count);
        Assert.Equal(10, ids.Distinct().Count());
        Assert.All(ids, id => Assert.Contains(matching, u => u.Id == id));
    }

    [Theory]
    [InlineData("b")]
    [InlineData(" b ")]
    [InlineData("")]
    public async Task AQueryUnderTwoCharacters_Answers400ProblemJson(string query)
    {
        var response = await Alice.Http.GetAsync(MailboxPaths.RecipientsFor(query));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(400, json.RootElement.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(json.RootElement.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task WithoutAQuery_Answers400ProblemJson()
    {
        var response = await Alice.Http.GetAsync(MailboxPaths.Recipients);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task AnonymousCaller_Gets401_AndNoUser()
    {
        using var anonymous = App.CreateBrowser();

        var response = await anonymous.Http.GetAsync(MailboxPaths.RecipientsFor("bo"));

        // A JSON endpoint: ASP.NET Core's cookie handler answers 401 there instead of redirecting to the login page.
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain(Bob.UserName, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ComposeAndAddPeopleFields_PointTheTypeAheadAtTheEndpoint()
    {
        var threadId = await Alice.StartThreadAsync(Bob.UserName, "Hello", "Hi");

        var compose = await Alice.GetPageAsync(Paths.Create);
        var thread = await Alice.GetPageAsync(Paths.Thread(threadId));

        Assert.Equal(MailboxPaths.Recipients, compose.Single("#um-to").GetAttribute("data-um-suggest"));
        Assert.Equal(MailboxPaths.Recipients, thread.Single("#um-add-to").GetAttribute("data-um-suggest"));
    }
}
