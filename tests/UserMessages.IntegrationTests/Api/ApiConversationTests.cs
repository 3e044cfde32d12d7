using System.Net;
using System.Text.Json;
using UserMessages.IntegrationTests.Infrastructure;

namespace UserMessages.IntegrationTests.Api;

/// <summary>Issue 4 §1: two (and three) users doing everything through the JSON API only.</summary>
public sealed class ApiConversationTests : MessagingTest, IClassFixture<SharedApp>
{
    public ApiConversationTests(SharedApp app)
        : base(app)
    {
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Alice.UseAntiforgeryAsync();
        await Bob.UseAntiforgeryAsync();
        await Carol.UseAntiforgeryAsync();
    }

    [Fact]
    public async Task TwoUsers_StartReadAndReply_ThroughTheApiOnly()
    {
        var created = await Alice.PostJsonAsync(ApiSteps.Threads, new { to = new[] { Bob.UserName }, subject = "Lunch?", content = "Noon\nat the usual place" });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var sent = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        var threadId = sent.RootElement.GetProperty("threadId").GetInt64();
        Assert.Equal(ApiSteps.Thread(threadId), created.Headers.Location!.OriginalString);
        Assert.Contains("no-store", created.Headers.CacheControl!.ToString(), StringComparison.Ordinal);

        Assert.Equal(1, await Bob.ApiUnreadCountAsync());
        using (var inbox = await Bob.GetJsonAsync(ApiSteps.Folder("inbox")))
        {
            Assert.Equal("inbox", inbox.RootElement.GetProperty("folder").GetString());
            var row = Assert.Single(inbox.RootElement.GetProperty("threads").EnumerateArray());
            Assert.Equal(threadId, row.GetProperty("id").GetInt64());
            Assert.Equal("Lunch?", row.GetProperty("subject").GetString());
            Assert.True(row.GetProperty("isUnread").GetBoolean());
            Assert.Equal(Alice.Id, row.GetProperty("latestSender").GetProperty("id").GetString());
            Assert.Equal(JsonValueKind.Null, inbox.RootElement.GetProperty("olderCursor").ValueKind);
        }

        using (var thread = await Bob.GetJsonAsync(created.Headers.Location!.OriginalString))
        {
            Assert.Equal("Lunch?", thread.RootElement.GetProperty("subject").GetString());
            var message = Assert.Single(thread.RootElement.GetProperty("messages").EnumerateArray());
            Assert.Equal("Noon\nat the usual place", message.GetProperty("content").GetString());
            Assert.Equal("text", message.GetProperty("kind").GetString());
            Assert.Equal(Alice.Id, message.GetProperty("sender").GetProperty("id").GetString());
        }

        Assert.Equal(0, await Bob.ApiUnreadCountAsync());

        var reply = await Bob.PostJsonAsync(ApiSteps.Thread(threadId) + "/messages", new { content = "See you there" });

        Assert.Equal(HttpStatusCode.Created, reply.StatusCode);
        Assert.Equal(ApiSteps.Thread(threadId), reply.Headers.Location!.OriginalString);
        Assert.Equal(1, await Alice.ApiUnreadCountAsync());
        Assert.Equal(new[] { threadId }, await Alice.ApiFolderIdsAsync("sent"));
        using var aliceThread = await Alice.GetJsonAsync(ApiSteps.Thread(threadId));
        Assert.Equal(
            new[] { "Noon\nat the usual place", "See you there" },
            aliceThread.RootElement.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("content").GetString()));
    }

    [Fact]
    public async Task StartThread_AcceptsUserIdsAndEmails_AndIgnoresTheSenderAndDuplicates()
    {
        var response = await Alice.PostJsonAsync(ApiSteps.Threads, new { to = new[] { Bob.Id, Carol.UserName.ToUpperInvariant(), Bob.UserName, Alice.Id }, subject = "Team", content = "Hi both" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var thread = await Alice.GetJsonAsync(response.Headers.Location!.OriginalString);
        Assert.Equal(
            new[] { Alice.Id, Bob.Id, Carol.Id }.Order(),
            thread.RootElement.GetProperty("participants").EnumerateArray().Select(p => p.GetProperty("id").GetString()!).Order());
    }

    [Fact]
    public async Task Folders_PageWithKeysetCursors()
    {
        var ids = await Seeder.ThreadsAsync(App, Alice.User, Bob.User, 30);

        using var first = await Alice.GetJsonAsync(ApiSteps.Folder("inbox"));
        var firstIds = first.RootElement.GetProperty("threads").EnumerateArray().Select(t => t.GetProperty("id").GetInt64()).ToList();
        Assert.Equal(ids.Skip(5).Reverse(), firstIds);
        Assert.Equal(JsonValueKind.Null, first.RootElement.GetProperty("newerCursor").ValueKind);
        var older = first.RootElement.GetProperty("olderCursor").GetString()!;

        using var second = await Alice.GetJsonAsync(ApiSteps.Folder("inbox") + "?before=" + Uri.EscapeDataString(older));
        Assert.Equal(ids.Take(5).Reverse(), second.RootElement.GetProperty("threads").EnumerateArray().Select(t => t.GetProperty("id").GetInt64()));
        Assert.Equal(JsonValueKind.Null, second.RootElement.GetProperty("olderCursor").ValueKind);
        var newer = second.RootElement.GetProperty("newerCursor").GetString()!;

        using var back = await Alice.GetJsonAsync(ApiSteps.Folder("INBOX") + "?after=" + Uri.EscapeDataString(newer));
        Assert.Equal(firstIds, back.RootElement.GetProperty("threads").EnumerateArray().Select(t => t.GetProperty("id").GetInt64()));
    }

    [Fact]
    public async Task Thread_PagesItsMessagesWithKeysetCursors()
    {
        var (threadId, messageIds) = await Seeder.ThreadWithMessagesAsync(App, Alice.User, Bob.User, 60);

        using var newest = await Alice.GetJsonAsync(ApiSteps.Thread(threadId));
        var newestIds = newest.RootElement.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("id").GetInt64()).ToList();
        Assert.Equal(messageIds[^1], newestIds[^1]);
        Assert.True(newestIds.SequenceEqual(newestIds.Order()), "oldest first");
        Assert.Equal(JsonValueKind.Null, newest.RootElement.GetProperty("newerCursor").ValueKind);

        var older = newest.RootElement.GetProperty("olderCursor").GetString()!;
        using var page = await Alice.GetJsonAsync(ApiSteps.Thread(threadId) + "?before=" + Uri.EscapeDataString(older));
        var olderIds = page.RootElement.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("id").GetInt64()).ToList();
        Assert.NotEmpty(olderIds);
        Assert.True(olderIds[^1] < newestIds[0]);
    }

    [Fact]
    public async Task DeleteRestoreArchive_MoveTheThreadBetweenFolders_ForTheCallerOnly()
    {
        var threadId = await Alice.ApiStartThreadAsync(Bob.UserName, "Moving", "Around");

        Assert.Equal(HttpStatusCode.NoContent, (await Bob.PostAsync(ApiSteps.Thread(threadId) + "/delete")).StatusCode);
        Assert.Empty(await Bob.ApiFolderIdsAsync("inbox"));
        Assert.Equal(new[] { threadId }, await Bob.ApiFolderIdsAsync("trash"));
        Assert.Equal(new[] { threadId }, await Alice.ApiFolderIdsAsync("inbox"));

        Assert.Equal(HttpStatusCode.NoContent, (await Bob.PostAsync(ApiSteps.Thread(threadId) + "/restore")).StatusCode);
        Assert.Equal(new[] { threadId }, await Bob.ApiFolderIdsAsync("inbox"));
        Assert.Empty(await Bob.ApiFolderIdsAsync("trash"));

        Assert.Equal(HttpStatusCode.NoContent, (await Bob.PostAsync(ApiSteps.Thread(threadId) + "/archive")).StatusCode);
        Assert.Empty(await Bob.ApiFolderIdsAsync("inbox"));
        Assert.Equal(new[] { threadId }, await Bob.ApiFolderIdsAsync("archive"));
    }

    [Fact]
    public async Task ReadAndUnread_ChangeTheUnreadCount()
    {
        var threadId = await Alice.ApiStartThreadAsync(Bob.UserName, "Count me", "Once");
        Assert.Equal(1, await Bob.ApiUnreadCountAsync());

        Assert.Equal(HttpStatusCode.NoContent, (await Bob.PostAsync(ApiSteps.Thread(threadId) + "/read")).StatusCode);
        Assert.Equal(0, await Bob.ApiUnreadCountAsync());

        Assert.Equal(HttpStatusCode.NoContent, (await Bob.PostAsync(ApiSteps.Thread(threadId) + "/unread")).StatusCode);
        Assert.Equal(1, await Bob.ApiUnreadCountAsync());
        Assert.Equal(0, await Alice.ApiUnreadCountAsync());
    }

    [Fact]
    public async Task AddParticipants_ThenLeave()
    {
        var threadId = await Alice.ApiStartThreadAsync(Bob.UserName, "Planning", "Hi Bob");

        var added = await Alice.PostJsonAsync(ApiSteps.Thread(threadId) + "/participants", new { to = new[] { Carol.UserName } });

        Assert.Equal(HttpStatusCode.NoContent, added.StatusCode);
        Assert.Equal(new[] { threadId }, await Carol.ApiFolderIdsAsync("inbox"));
        using (var thread = await Carol.GetJsonAsync(ApiSteps.Thread(threadId)))
        {
            Assert.Contains(thread.RootElement.GetProperty("messages").EnumerateArray(), m => m.GetProperty("kind").GetString() == "joined");
        }

        Assert.Equal(HttpStatusCode.NoContent, (await Carol.PostAsync(ApiSteps.Thread(threadId) + "/leave")).StatusCode);
        Assert.Empty(await Carol.ApiFolderIdsAsync("inbox"));
        using var afterLeave = await Alice.GetJsonAsync(ApiSteps.Thread(threadId));
        Assert.DoesNotContain(afterLeave.RootElement.GetProperty("participants").EnumerateArray(), p => p.GetProperty("id").GetString() == Carol.Id);
    }

    [Fact]
    public async Task Bulk_AppliesOneActionToSeveralThreads()
    {
        var first = await Alice.ApiStartThreadAsync(Bob.UserName, "One", "1");
        var second = await Alice.ApiStartThreadAsync(Bob.UserName, "Two", "2");
        var third = await Alice.ApiStartThreadAsync(Bob.UserName, "Three", "3");

        var response = await Bob.PostJsonAsync(ApiSteps.Bulk, new { action = "archive", ids = new[] { first, third } });

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(new[] { second }, await Bob.ApiFolderIdsAsync("inbox"));
        Assert.Equal(new[] { third, first }, await Bob.ApiFolderIdsAsync("archive"));

        var unreadBefore = await Bob.ApiUnreadCountAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await Bob.PostJsonAsync(ApiSteps.Bulk, new { action = "markRead", ids = new[] { second } })).StatusCode);
        Assert.Equal(unreadBefore - 1, await Bob.ApiUnreadCountAsync());
    }

    [Fact]
    public async Task Search_FindsTheCallersThreads()
    {
        var threadId = await Alice.ApiStartThreadAsync(Bob.UserName, "Holiday photos", "From the lake");
        await Alice.ApiStartThreadAsync(Carol.UserName, "Invoice", "Attached");

        using var json = await Bob.GetJsonAsync(ApiSteps.Root + "/search?q=lake");

        Assert.Equal("lake", json.RootElement.GetProperty("query").GetString());
        var row = Assert.Single(json.RootElement.GetProperty("threads").EnumerateArray());
        Assert.Equal(threadId, row.GetProperty("id").GetInt64());
        using var carols = await Carol.GetJsonAsync(ApiSteps.Root + "/search?q=lake");
        Assert.Empty(carols.RootElement.GetProperty("threads").EnumerateArray());
    }

    [Fact]
    public async Task Antiforgery_ReturnsTokenAndHeaderName()
    {
        using var json = await Alice.GetJsonAsync(ApiSteps.Antiforgery);

        Assert.Equal("RequestVerificationToken", json.RootElement.GetProperty("headerName").GetString());
        Assert.False(string.IsNullOrEmpty(json.RootElement.GetProperty("token").GetString()));
    }
}
