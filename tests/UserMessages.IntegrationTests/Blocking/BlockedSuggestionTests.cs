using System.Net;
using UserMessages.IntegrationTests.Infrastructure;

namespace UserMessages.IntegrationTests.Blocking;

/// <summary>Issue 3 §6 as the recipient type-ahead shows it: who blocked the caller is not suggested, and is again once unblocked.</summary>
/// <remarks>An app per test: suggestions search every user of the app, and other tests' Alices would be suggested too.</remarks>
public sealed class BlockedSuggestionTests : IsolatedMessagingTest
{
    [Fact]
    public async Task Unblock_TakesTheUserOffTheList_AndRestoresComposingAndReplying()
    {
        var threadId = await Alice.StartThreadAsync(Bob.UserName, "Hello", "Hi Bob");
        await Alice.BlockAsync(Bob.User);

        var response = await Alice.UnblockAsync(Bob.User);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(MailboxPaths.Blocked, response.Headers.Location!.OriginalString);
        var page = await Alice.FollowRedirectAsync(response);
        Assert.Null(page.Find($"[data-um-user-id='{Bob.Id}']"));
        await Bob.ReplyAsync(threadId, "Thanks for unblocking me.");
        var newThread = await Bob.StartThreadAsync(Alice.UserName, "Friends again", "Coffee?");
        var inbox = await Alice.GetPageAsync(Paths.Inbox);
        Assert.Equal("true", inbox.ThreadRow(threadId)!.GetAttribute("data-um-unread"));
        Assert.NotNull(inbox.ThreadRow(newThread));
        Assert.Contains(Alice.Id, await Bob.SuggestedIdsAsync("al"));
    }

    [Fact]
    public async Task Suggestions_NeverListAUserWhoBlockedTheCaller()
    {
        Assert.Contains(Alice.Id, await Bob.SuggestedIdsAsync("al"));

        await Alice.BlockAsync(Bob.User, writer: Bob);

        Assert.DoesNotContain(Alice.Id, await Bob.SuggestedIdsAsync("al"));
        Assert.DoesNotContain(Alice.Id, await Bob.SuggestedIdsAsync(Alice.UserName));

        // Blocking is one-way: the blocker still finds the user they blocked, and others still find the blocker.
        Assert.Contains(Bob.Id, await Alice.SuggestedIdsAsync("bo"));
        Assert.Contains(Alice.Id, await Carol.SuggestedIdsAsync("al"));
    }
}
