using Microsoft.EntityFrameworkCore;
using UserMessages.Domain;
using UserMessages.Services;
using UserMessages.Storage;
using UserMessages.Tests.Infrastructure;

namespace UserMessages.Tests.Storage;

/// <summary>
/// Issue 5: a thread page is one command the package writes itself (<see cref="ThreadStatement"/>).
/// It must read exactly what the compiled LINQ queries read, and nothing for someone not in the thread.
/// </summary>
public sealed class ThreadStatementTests
{
    private const int Take = 11;

    [Fact]
    public async Task WrittenStatement_ReadsTheSameAsTheCompiledQueries_OnEveryPage_ForEveryone()
    {
        await using var host = await MessagingHost.StartAsync();
        var (alice, bob, carol, dave) = (await host.CreateUserAsync("alice"), await host.CreateUserAsync("bob"), await host.CreateUserAsync("carol"), await host.CreateUserAsync("dave"));
        var thread = (await host.SendAsync(alice, [bob], "Plans", "First")).ThreadId;
        for (var i = 0; i < 30; i++)
        {
            host.Clock.Advance(TimeSpan.FromSeconds(i % 4 == 0 ? 0 : 30));
            await host.ReplyAsync(i % 2 == 0 ? bob : alice, thread, $"Message {i}");
            if (i == 10)
            {
                Assert.True((await host.WithServiceAsync(s => s.AddParticipantsAsync(alice, thread, [carol]))).Succeeded);
            }

            if (i == 20)
            {
                Assert.True((await host.WithServiceAsync(s => s.MarkReadAsync(bob, thread))).Succeeded);
            }
        }

        Assert.True((await host.WithServiceAsync(s => s.LeaveThreadAsync(carol, thread))).Succeeded);

        foreach (var user in new[] { alice, bob })
        {
            var newest = await BothAsync(host, user, thread, null, null);
            Assert.NotNull(newest);
            var older = await BothAsync(host, user, thread, Cursor(newest.Value.Messages[^1]), null);
            Assert.NotNull(older);
            Assert.NotNull(await BothAsync(host, user, thread, null, Cursor(older.Value.Messages[0])));
            Assert.Contains(newest.Value.Messages.Concat(older.Value.Messages), m => m.Kind != MessageKind.Text && m.AboutUserId == carol);
        }

        // Someone who left, someone never in it, and a thread that does not exist: nothing, either way.
        Assert.Null(await BothAsync(host, carol, thread, null, null));
        Assert.Null(await BothAsync(host, dave, thread, null, null));
        Assert.Null(await BothAsync(host, alice, thread + 1000, null, null));
    }

    private static KeysetCursor Cursor(CompiledReads.MessageRow m) => new(m.SentAt, m.Id);

    /// <summary>Reads one page both ways, asserts they agree, and returns it.</summary>
    private static Task<(CompiledReads.HeaderRow Header, List<CompiledReads.MessageRow> Messages)?> BothAsync(
        MessagingHost host, string user, long thread, KeysetCursor? before, KeysetCursor? after)
        => host.WithDbAsync(async db =>
        {
            var statement = ThreadStatement.For(db);
            Assert.NotNull(statement);
            var written = await statement.ReadAsync(db, user, thread, before, after, Take, CancellationToken.None);

            var reads = CompiledReads.For(db);
            var header = await reads.ThreadHeader(db, thread, user, CancellationToken.None);
            Assert.Equal(header is null, written is null);
            if (header is null)
            {
                return written;
            }

            var messages = await reads.ReadMessages(db, thread, before, after, Take).ToListAsync();
            var (writtenHeader, writtenMessages) = written!.Value;
            Assert.Equal(
                $"{header.IsUnread} {header.State} {header.LastReadMessageId} {header.Subject} [{string.Join(",", header.Participants)}]",
                $"{writtenHeader.IsUnread} {writtenHeader.State} {writtenHeader.LastReadMessageId} {writtenHeader.Subject} [{string.Join(",", writtenHeader.Participants)}]");
            Assert.Equal(messages.Select(Describe), writtenMessages.Select(Describe));
            return written;
        });

    private static string Describe(CompiledReads.MessageRow m) => $"{m.Id} {m.SenderId} {m.SentAt:O} {m.SentAt.Kind} {m.Kind} {m.AboutUserId} {m.Content}";
}
