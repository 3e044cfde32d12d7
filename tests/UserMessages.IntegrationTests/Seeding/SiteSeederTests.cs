using Microsoft.EntityFrameworkCore;
using UserMessages.Domain;
using UserMessages.IntegrationTests.Infrastructure;
using UserMessages.Seeding;

namespace UserMessages.IntegrationTests.Seeding;

/// <summary>
/// The seeder's <c>--site</c> mode (bench/UserMessages.Seeder) on a small site: every row agrees with the others as the
/// package's own writes would leave them, and the shape is a site's (groups, a few unread, one person far more active).
/// </summary>
public sealed class SiteSeederTests : IAsyncLifetime
{
    private const int Users = 200;
    private const int Messages = 5000;

    private readonly MessagesFactory app = new(testAuthentication: false);

    [Fact]
    public async Task ASeededSite_KeepsEveryRowInStep_AsThePackageWouldWriteThem()
    {
        var (exitCode, output, errors) = await RunSeedAsync(["--site", "--users", $"{Users}", "--messages", $"{Messages}"]);

        Assert.Equal(0, exitCode);
        Assert.Equal(string.Empty, errors);
        Assert.Contains($"{Users} users", output, StringComparison.Ordinal);
        var (threads, messages, participants, counters) = await app.WithDbAsync(async db => (
            await db.MessageThreads.AsNoTracking().ToListAsync(),
            await db.Messages.AsNoTracking().ToListAsync(),
            await db.ThreadParticipants.AsNoTracking().ToListAsync(),
            await db.MailboxCounters.AsNoTracking().ToListAsync()));
        Assert.Equal(Messages, messages.Count);
        var byThread = messages.ToLookup(m => m.ThreadId);
        foreach (var thread in threads)
        {
            var own = byThread[thread.Id].OrderBy(m => m.Id).ToList();
            Assert.Equal(own.Max(m => m.Id), thread.LatestMessageId);
            Assert.Equal(own.Max(m => m.SentAt), thread.LatestMessageAt);
            Assert.Equal(own[0].SentAt, thread.CreatedAt);
            Assert.Equal(own[0].SenderId, thread.CreatedById);
            Assert.Equal(own.Select(m => m.SentAt).Order(), own.Select(m => m.SentAt));
        }

        var threadsById = threads.ToDictionary(t => t.Id);
        foreach (var row in participants)
        {
            var thread = threadsById[row.ThreadId];
            var sent = byThread[row.ThreadId].Where(m => m.SenderId == row.UserId).Select(m => (long?)m.Id).Max();
            Assert.Equal(thread.LatestMessageAt, row.LatestMessageAt);
            Assert.Equal(row.LastReadMessageId is null || row.LastReadMessageId < thread.LatestMessageId, row.IsUnread);
            Assert.Equal(sent is not null, row.HasSent);
            Assert.True(sent is null || row.LastReadMessageId >= sent, "a sender has read up to their own message");
            Assert.Equal(ParticipantState.Active, row.State);
            Assert.Equal(thread.CreatedAt, row.JoinedAt);
        }

        Assert.All(byThread, t => Assert.Contains(participants, p => p.ThreadId == t.Key && p.UserId == t.First().SenderId));
        var recount = participants.Where(p => p.IsUnread).GroupBy(p => p.UserId).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(recount.OrderBy(c => c.Key), counters.Where(c => c.UnreadThreads > 0).ToDictionary(c => c.UserId, c => c.UnreadThreads).OrderBy(c => c.Key));

        // A site's shape: groups beside two-person threads, a few percent unread, the most active user far above the median.
        var sizes = participants.GroupBy(p => p.ThreadId).Select(g => g.Count()).ToList();
        Assert.Contains(2, sizes);
        Assert.Contains(sizes, s => s >= 3);
        Assert.InRange(participants.Count(p => p.IsUnread) * 100.0 / participants.Count, 0.5, 10);
        var perUser = participants.GroupBy(p => p.UserId).Select(g => g.Count()).Order().ToList();
        Assert.True(perUser[^1] >= 3 * perUser[perUser.Count / 2], $"most active {perUser[^1]}, median {perUser[perUser.Count / 2]}");
    }

    [Theory]
    [InlineData("--site --users 10", "--messages is missing")]
    [InlineData("--site --users 1 --messages 10", "--users must be at least 2")]
    [InlineData("--site --users 10 --messages 0", "--messages must be at least 1")]
    [InlineData("--site --users 10 --messages 10 --threads-per-user 3", "--threads-per-user is not an option of --site")]
    [InlineData("--users 10 --messages 10", "Unknown option '--messages'")]
    public async Task SiteMode_RefusesBadArguments_WithExitCode2(string args, string error)
    {
        var (exitCode, output, errors) = await RunSeedAsync(args.Split(' '));

        Assert.Equal(SeedCommand.BadArguments, exitCode);
        Assert.Equal(string.Empty, output);
        Assert.Contains(error, errors, StringComparison.Ordinal);
        Assert.Contains(SeedCommand.Usage, errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SiteMode_RefusesADatabaseWithUsers()
    {
        Assert.Equal(0, (await RunSeedAsync(["--users", "4", "--threads-per-user", "1", "--messages-per-thread", "1"])).ExitCode);

        var (exitCode, _, errors) = await RunSeedAsync(["--site", "--users", "10", "--messages", "10"]);

        Assert.Equal(SeedCommand.CannotSeed, exitCode);
        Assert.Contains("--site seeds an empty database", errors, StringComparison.Ordinal);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await app.DisposeAsync();

    private async Task<(int ExitCode, string Output, string Errors)> RunSeedAsync(string[] args)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var exitCode = await SeedCommand.RunAsync(app.Services, args, output, errors);
        return (exitCode, output.ToString(), errors.ToString());
    }
}
