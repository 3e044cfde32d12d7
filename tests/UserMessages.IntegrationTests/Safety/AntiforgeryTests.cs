using UserMessages.Domain;
using System.Net;
using Microsoft.EntityFrameworkCore;
using UserMessages.IntegrationTests.Infrastructure;

namespace UserMessages.IntegrationTests.Safety;

/// <summary>SPEC §7: every state change is a POST with an antiforgery token.</summary>
public sealed class AntiforgeryTests : MessagingTest, IClassFixture<SharedApp>
{
    public AntiforgeryTests(SharedApp app)
        : base(app)
    {
    }

    [Theory]
    [InlineData("create")]
    [InlineData("reply")]
    [InlineData("delete")]
    [InlineData("restore")]
    public async Task PostWithoutToken_IsRejectedWith400_AndNothingChanges(string action)
    {
        var threadId = await Alice.StartThreadAsync(Bob.UserName, "Lunch?", "Are you free on Friday?");
        await Bob.DeleteAsync(threadId);

        // Bob's browser has its antiforgery cookie from his own pages; only the form token is missing.
        await Bob.GetPageAsync(Paths.Thread(threadId));
        var before = await CountRowsAsync();
        var response = action switch
        {
            "create" => await Bob.PostFormAsync(Paths.Create, MessagingSteps.ComposeFields(Alice.UserName, "Forged", "Forged content")),
            "reply" => await Bob.PostFormAsync(Paths.Thread(threadId), [new("Content", "Forged reply")]),
            "delete" => await Bob.PostFormAsync(Paths.Delete(threadId), []),
            _ => await Bob.PostFormAsync(Paths.Restore(threadId), []),
        };

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await CountRowsAsync());
        Assert.NotNull((await Bob.GetPageAsync(Paths.Trash)).ThreadRow(threadId));
        Assert.True(await WithDbAsync(db => db.ThreadParticipants.AnyAsync(p => p.ThreadId == threadId && p.UserId == Bob.Id && p.State == ParticipantState.Deleted)));
        var aliceThread = await Alice.GetPageAsync(Paths.Thread(threadId));
        Assert.Single(aliceThread.Document.QuerySelectorAll("#um-messages .um-message"));
    }

    [Fact]
    public async Task PostWithAnotherUsersToken_IsRejectedWith400()
    {
        var threadId = await Alice.StartThreadAsync(Bob.UserName, "Lunch?", "Are you free on Friday?");
        var carolsToken = await Carol.TokenAsync();
        await Bob.GetPageAsync(Paths.Thread(threadId));

        var response = await Bob.PostFormAsync(Paths.Delete(threadId), [new(BrowserClient.TokenField, carolsToken)]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await Bob.GetPageAsync(Paths.Inbox)).ThreadRow(threadId));
    }
}
