using UserMessages.Domain;
using UserMessages.Services;
using UserMessages.Tests.Infrastructure;

namespace UserMessages.Tests.Search;

/// <summary>Issue 3 §3: search finds the user's own threads by subject and content, in every folder, and nobody else's.</summary>
public sealed class SearchTests
{
    [Fact]
    public async Task Search_FindsBySubject_CaseInsensitively()
    {
        await using var host = await MessagingHost.StartAsync();
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");
        var wanted = await host.SendAsync(alice, [bob], "Quarterly Report", "numbers attached");
        await host.SendAsync(alice, [bob], "Lunch", "at noon?");

        var page = await host.SearchAsync(bob, "quarterly REPORT");

        Assert.Equal([wanted.ThreadId], page.Threads.Select(t => t.ThreadId));
        Assert.Equal("quarterly REPORT", page.Query);
    }

    [Fact]
    public async Task Search_FindsByTheContentOfAnyMessage_CaseInsensitively()
    {
        await using var host = await MessagingHost.StartAsync();
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");
        var wanted = await host.SendAsync(alice, [bob], "Plans", "first message");
        await host.ReplyAsync(bob, wanted.ThreadId, "Meet at the Blue Harbour cafe");
        await host.ReplyAsync(alice, wanted.ThreadId, "ok");
        await host.SendAsync(alice, [bob], "Other", "nothing here");

        var page = await host.SearchAsync(alice, "blue harbour");

        Assert.Equal([wanted.ThreadId], page.Threads.Select(t => t.ThreadId));
    }

    [Fact]
    public async Task Search_NeverReturnsAnotherUsersThread()
    {
        await using var host = await MessagingHost.StartAsync();
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");
        var carol = await host.CreateUserAsync("carol");
        await host.SendAsync(alice, [carol], "Secret surprise party", "do not tell bob");
        var own = await host.SendAsync(alice, [bob], "Hello", "no secret here");

        Assert.Equal([own.ThreadId], (await host.SearchAsync(bob, "secret")).Threads.Select(t => t.ThreadId));
        Assert.Empty((await host.SearchAsync(bob, "surprise")).Threads);
    }

    [Fact]
    public async Task Search_DoesNotFindThreadsTheUserLeft()
    {
        await using var host = await MessagingHost.StartAsync();
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");
        var sent = await host.SendAsync(alice, [bob], "Gardening club", "tomatoes");
        await host.WithServiceAsync(s => s.LeaveThreadAsync(bob, sent.ThreadId));

        Assert.Empty((await host.SearchAsync(bob, "gardening")).Threads);
        Assert.Empty((await host.SearchAsync(bob, "tomatoes")).Threads);
    }

    [Fact]
    public async Task Search_FindsArchivedAndDeletedThreads_AndSaysWhereTheyAre()
    {
        await using var host = await MessagingHost.StartAsync();
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");
        var archived = await host.SendAsync(alice, [bob], "Invoice 1");
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        var deleted = await host.SendAsync(alice, [bob], "Invoice 2");
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        var active = await host.SendAsync(alice, [bob], "Invoice 3");
        await host.WithServiceAsync(s => s.ArchiveThreadAsync(bob, archived.ThreadId));
        await host.WithServiceAsync(s => s.DeleteThreadAsync(bob, deleted.ThreadId));

        var found = (await host.SearchAsync(bob, "invoice")).Threads.ToDictionary(t => t.ThreadId, t => t.State);

        Assert.Equal(ParticipantState.Archived, found[archived.ThreadId]);
        Assert.Equal(ParticipantState.Deleted, found[deleted.ThreadId]);
        Assert.Equal(ParticipantState.Active, found[active.ThreadId]);
    }

    [Theory]
    [InlineData("50%", "Budget 50% off", "Budget 500 off")]
    [InlineData("e_n", "file_name", "fileXname")]
    [InlineData("a%b", "ratio a%b", "ratio aXXb")]
    public async Task Search_PercentAndUnderscore_AreLiteral_NotWildcards(string query, string matching, string lookalike)
    {
        await using var host = await MessagingHost.StartAsync();
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");
        var wanted = await host.SendAsync(alice, [bob], matching, "see subject");
        await host.SendAsync(alice, [bob], lookalike, "see subject");

        Assert.Equal([wanted.ThreadId], (await host.SearchAsync(bob, query)).Threads.Select(t => t.ThreadId));
    }

    [Theory]
    [InlineData("a")]
    [InlineData(" a ")]
    [InlineData("")]
    public async Task Search_ShorterThanTwoCharacters_IsInvalid_SearchTooShort(string query)
    {
        await using var host = await MessagingHost.StartAsync();
        var bob = await host.CreateUserAsync("bob");

        var result = await host.WithServiceAsync(s => s.SearchAsync(bob, query, PageRequest.Newest));

        Assert.Equal(MessagingStatus.Invalid, result.Status);
        Assert.Equal("SearchTooShort", Assert.Single(result.Errors).Code);
    }
}
