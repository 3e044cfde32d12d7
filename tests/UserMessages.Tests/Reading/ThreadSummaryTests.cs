using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using UserMessages.Domain;
using UserMessages.Tests.Infrastructure;

namespace UserMessages.Tests.Reading;

/// <summary>What one row of a folder shows: the other people, who wrote last, and the start of what they wrote.</summary>
public sealed class ThreadSummaryTests
{
    [Fact]
    public async Task InboxRow_NamesTheOtherParticipantsByTheirUserNames()
    {
        await using var host = await MessagingHost.StartAsync();
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");
        var carol = await host.CreateUserAsync("carol");
        await host.SendAsync(alice, [bob, carol]);

        var aliceRow = (await host.FolderAsync(alice, MailboxFolder.Inbox)).Threads.Single();
        var bobRow = (await host.FolderAsync(bob, MailboxFolder.Inbox)).Threads.Single();

        Assert.Equal(["bob", "carol"], aliceRow.OtherParticipants.Select(u => u.DisplayName).Order());
        Assert.Equal(["alice", "carol"], bobRow.OtherParticipants.Select(u => u.DisplayName).Order());
    }

    [Fact]
    public async Task InboxRow_ShowsTheLatestSenderAndAnExcerptOfTheLatestMessage()
    {
        await using var host = await MessagingHost.StartAsync();
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");
        var sent = await host.SendAsync(alice, [bob], subject: "Dinner", content: "Are you free tonight?");
        host.Clock.Advance(TimeSpan.FromMinutes(3));

        await host.ReplyAsync(bob, sent.ThreadId, "Yes, at eight.");

        var row = (await host.FolderAsync(alice, MailboxFolder.Inbox)).Threads.Single();
        Assert.Equal("Dinner", row.Subject);
        Assert.Equal("bob", row.LatestSender.DisplayName);
        Assert.Equal(bob, row.LatestSender.Id);
        Assert.Equal("Yes, at eight.", row.Excerpt);
        Assert.Equal(host.Clock.GetUtcNow().UtcDateTime, row.LatestMessageAt);
        Assert.Equal(DateTimeKind.Utc, row.LatestMessageAt.Kind);
        Assert.True(row.IsUnread);
    }

    [Fact]
    public async Task InboxRow_CutsALongLatestMessageWithAnEllipsis()
    {
        await using var host = await MessagingHost.StartAsync();
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");
        var longText = string.Concat(Enumerable.Range(0, 100).Select(i => $"word{i} "));
        await host.SendAsync(alice, [bob], content: longText);

        var excerpt = (await host.FolderAsync(bob, MailboxFolder.Inbox)).Threads.Single().Excerpt;

        Assert.EndsWith("\u2026", excerpt, StringComparison.Ordinal);
        Assert.StartsWith("word0 word1 word2", excerpt, StringComparison.Ordinal);
        Assert.True(excerpt.Length < longText.Length / 2, $"The excerpt is {excerpt.Length} characters long.");
    }

    [Fact]
    public async Task InboxRow_ExcerptNeverCutsACharacterInHalf()
    {
        await using var host = await MessagingHost.StartAsync();
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");

        // An emoji is two UTF-16 chars; placed at the cut, a naive cut keeps only its first half.
        await host.SendAsync(alice, [bob], content: new string('a', 139) + "\U0001F600 and the rest of a long story");

        var excerpt = (await host.FolderAsync(bob, MailboxFolder.Inbox)).Threads.Single().Excerpt;

        Assert.EndsWith("\u2026", excerpt, StringComparison.Ordinal);
        var broken = excerpt.Where((c, i) => char.IsHighSurrogate(c) && (i + 1 == excerpt.Length || !char.IsLowSurrogate(excerpt[i + 1]))).ToList();
        Assert.True(broken.Count == 0, $"The excerpt keeps half of a character (U+{(broken.Count > 0 ? (int)broken[0] : 0):X4}) before the ellipsis.");
    }

    [Fact]
    public async Task InboxRow_ShowsAShortMessageWhole_WithoutAnEllipsis()
    {
        await using var host = await MessagingHost.StartAsync();
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");
        await host.SendAsync(alice, [bob], content: "Short and sweet.");

        Assert.Equal("Short and sweet.", (await host.FolderAsync(bob, MailboxFolder.Inbox)).Threads.Single().Excerpt);
    }

    [Theory]
    [InlineData("Line one\n\nline two", "Line one line two")]
    [InlineData("  Padded\tand  spaced \r\n", "Padded and spaced")]
    [InlineData("Already tidy, one space each.", "Already tidy, one space each.")]
    public async Task InboxRow_ShowsTheExcerptOnOneLine(string content, string excerpt)
    {
        await using var host = await MessagingHost.StartAsync();
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");
        await host.SendAsync(alice, [bob], content: content);

        Assert.Equal(excerpt, (await host.FolderAsync(bob, MailboxFolder.Inbox)).Threads.Single().Excerpt);
    }

    [Fact]
    public async Task InboxRow_OfAUserWhoseAccountWasDeleted_StillShows_UnderANeutralName()
    {
        await using var host = await MessagingHost.StartAsync();
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");
        await host.SendAsync(alice, [bob]);
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
            await users.DeleteAsync((await users.FindByIdAsync(alice))!);
        }

        var row = (await host.FolderAsync(bob, MailboxFolder.Inbox)).Threads.Single();

        Assert.Equal(alice, row.LatestSender.Id);
        Assert.False(string.IsNullOrWhiteSpace(row.LatestSender.DisplayName));
        Assert.DoesNotContain("alice", row.LatestSender.DisplayName, StringComparison.OrdinalIgnoreCase);
    }
}
