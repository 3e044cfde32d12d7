using System.Net;
using Microsoft.EntityFrameworkCore;
using UserMessages.IntegrationTests.Infrastructure;

namespace UserMessages.IntegrationTests.Safety;

/// <summary>SPEC §3.6: someone outside a thread gets 404 for every route naming it, and changes nothing.</summary>
public sealed class NonParticipantTests : MessagingTest, IClassFixture<SharedApp>
{
    public NonParticipantTests(SharedApp app)
        : base(app)
    {
    }

    [Theory]
    [InlineData("read")]
    [InlineData("reply")]
    [InlineData("delete")]
    [InlineData("restore")]
    public async Task NonParticipant_GetsNotFound_EvenWithAValidToken_AndNothingChanges(string action)
    {
        var threadId = await Alice.StartThreadAsync(Bob.UserName, "Private", "Only for Bob");
        await Bob.ReplyAsync(threadId, "Only for Alice");
        await Bob.DeleteAsync(threadId);
        var before = await CountRowsAsync();
        var token = await Carol.TokenAsync();

        var response = action switch
        {
            "read" => await Carol.Http.GetAsync(Paths.Thread(threadId)),
            "reply" => await Carol.PostFormAsync(Paths.Thread(threadId), Fields(token, ("Content", "Carol was here"))),
            "delete" => await Carol.PostFormAsync(Paths.Delete(threadId), Fields(token)),
            _ => await Carol.PostFormAsync(Paths.Restore(threadId), Fields(token)),
        };

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("Private", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Only for", body, StringComparison.Ordinal);
        Assert.Equal(before, await CountRowsAsync());

        // Alice still has it unread in her inbox, Bob still has it in his trash; neither sees Carol.
        var aliceInbox = await Alice.GetPageAsync(Paths.Inbox);
        Assert.Equal("true", aliceInbox.ThreadRow(threadId)!.GetAttribute("data-um-unread"));
        Assert.NotNull((await Bob.GetPageAsync(Paths.Trash)).ThreadRow(threadId));
        var thread = await Alice.GetPageAsync(Paths.Thread(threadId));
        Assert.Equal(2, thread.Document.QuerySelectorAll("#um-messages .um-message").Length);
        Assert.DoesNotContain(Carol.UserName, thread.Html, StringComparison.Ordinal);
        Assert.False(await WithDbAsync(db => db.ThreadParticipants.AnyAsync(p => p.UserId == Carol.Id)));
    }

    [Fact]
    public async Task NonParticipant_SeesTheSameNotFoundPageAsForAThreadThatDoesNotExist()
    {
        var threadId = await Alice.StartThreadAsync(Bob.UserName, "Private", "Only for Bob");

        var existing = await Carol.GetPageAsync(Paths.Thread(threadId));
        var missing = await Carol.GetPageAsync(Paths.Thread(threadId + 1000));

        Assert.Equal(HttpStatusCode.NotFound, existing.Status);
        Assert.Equal(HttpStatusCode.NotFound, missing.Status);
        Assert.Equal(missing.Single("#user-messages").OuterHtml, existing.Single("#user-messages").OuterHtml);
        Assert.Equal(missing.Document.Title, existing.Document.Title);
    }

    private static List<KeyValuePair<string, string>> Fields(string token, params (string Name, string Value)[] fields)
        => [new(BrowserClient.TokenField, token), .. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))];
}
