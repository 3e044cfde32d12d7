using System.Net;
using UserMessages.IntegrationTests.Api;
using UserMessages.IntegrationTests.Infrastructure;

namespace UserMessages.IntegrationTests.Suggestions;

/// <summary>
/// Issue 18 §2, SPEC §3.11: no page, API answer or suggestion shows someone's e-mail address to anyone who has
/// not typed it in full; people are shown and found by their public name.
/// </summary>
public sealed class AddressPrivacyTests : MessagingTest, IClassFixture<SharedApp>
{
    public AddressPrivacyTests(SharedApp app)
        : base(app)
    {
    }

    [Theory]
    [InlineData("@e")]
    [InlineData("@example.com")]
    [InlineData("bob@")]
    [InlineData("bob@exa")]
    [InlineData("ex")]
    public async Task ThePartOfAnAddress_SuggestsNobody(string typed)
    {
        for (var i = 0; i < 10; i++)
        {
            await CreateUserAsync($"member{i}");
        }

        // "bob@": the start of this test's Bob's address, bob.N@example.com.
        typed = typed.Replace("bob@", Bob.UserName.Split('@')[0] + "@", StringComparison.Ordinal);
        Assert.Empty(await Alice.SuggestedIdsAsync(typed));
    }

    [Fact]
    public async Task TheWholeAddress_FindsThePerson_AndTheirPublicNameIsWhatComesBack()
    {
        var response = await Alice.Http.GetStringAsync(MailboxPaths.RecipientsFor(Bob.UserName));

        Assert.Equal([Bob.Id], await Alice.SuggestedIdsAsync(Bob.UserName));
        Assert.Contains(Bob.DisplayName, response, StringComparison.Ordinal);
        Assert.DoesNotContain("@", response, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bo")]
    [InlineData("ca")]
    [InlineData("al")]
    public async Task Suggestions_AreIdsAndPublicNames_NeverAddresses(string typed)
    {
        var response = await Alice.Http.GetStringAsync(MailboxPaths.RecipientsFor(typed));
        var api = await Alice.Http.GetStringAsync("/messages/api/recipients?q=" + typed);

        Assert.DoesNotContain("@", response, StringComparison.Ordinal);
        Assert.DoesNotContain("@", api, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoPageShowsAnotherPersonsAddress()
    {
        var threadId = await Bob.StartThreadAsync($"{Alice.UserName}, {Carol.UserName}", "Party", "Saturday?");
        await Carol.ReplyAsync(threadId, "Count me in.");
        await Alice.BlockAsync(Bob.User);
        var others = new[] { Bob.UserName, Carol.UserName };

        foreach (var path in new[] { "/", Paths.Inbox, Paths.Sent, Paths.Thread(threadId), MailboxPaths.Blocked, Paths.CreateTo(Bob.Id), Paths.Inbox + "/search?q=Party" })
        {
            var page = await Alice.GetPageAsync(path);
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.All(others, address => Assert.DoesNotContain(address, page.Html, StringComparison.OrdinalIgnoreCase));
        }

        var thread = await Alice.GetPageAsync(Paths.Thread(threadId));
        Assert.Contains(Bob.DisplayName, thread.Single("#um-participants").TextContent, StringComparison.Ordinal);
        Assert.Contains(Carol.DisplayName, thread.Single("#um-participants").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoApiAnswerShowsAnotherPersonsAddress()
    {
        var threadId = await Bob.StartThreadAsync($"{Alice.UserName}, {Carol.UserName}", "Party", "Saturday?");

        foreach (var path in new[] { ApiSteps.Folder("inbox"), ApiSteps.Thread(threadId), ApiSteps.Root + "/search?q=Party" })
        {
            var json = await Alice.Http.GetStringAsync(path);
            Assert.DoesNotContain("@", json, StringComparison.Ordinal);
            Assert.DoesNotContain("userName", json, StringComparison.Ordinal);
            Assert.Contains(Bob.DisplayName, json, StringComparison.Ordinal);
        }
    }
}
