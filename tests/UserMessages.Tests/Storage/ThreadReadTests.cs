using Microsoft.EntityFrameworkCore;
using UserMessages.Domain;
using UserMessages.Services;
using UserMessages.Store;
using UserMessages.Tests.Infrastructure;

namespace UserMessages.Tests.Storage;

/// <summary>
/// A thread page of the SQL store (<see cref="SqlMessageStore"/>, one command) must read exactly what
/// the portable store's compiled queries read, and nothing for someone not in the thread.
/// </summary>
public sealed class ThreadReadTests
{
    private const int Take = 11;

    [Fact]
    public async Task SqlStore_ReadsTheSameAsThePortableStore_OnEveryPage_ForEveryone()
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
            var older = await BothAsync(host, user, thread, Cursor(newest.Messages[^1]), null);
            Assert.NotNull(older);
            Assert.NotNull(await BothAsync(host, user, thread, null, Cursor(older.Messages[0])));
            Assert.Contains(newest.Messages.Concat(older.Messages), m => m.Kind != MessageKind.Text && m.AboutUserId == carol);
        }

        // Someone who left, someone never in it, and a thread that does not exist: nothing, either way.
        Assert.Null(await BothAsync(host, carol, thread, null, null));
        Assert.Null(await BothAsync(host, dave, thread, null, null));
        Assert.Null(await BothAsync(host, alice, thread + 1000, null, null));
    }

    private static KeysetCursor Cursor(MessageRow m) => new(m.SentAt, m.Id);

    /// <summary>Reads one page from both stores, asserts they agree, and returns it.</summary>
    private static Task<ThreadRead?> BothAsync(MessagingHost host, string user, long thread, KeysetCursor? before, KeysetCursor? after)
        => host.WithDbAsync(async db =>
        {
            var page = new KeysetPage(before, after);
            var written = await FolderReadTests.SqlStore(db).ReadThreadAsync(user, thread, page, Take, readHeld: true, CancellationToken.None);
            var compiled = await new MessageStore(new UserMessagesDb(db)).ReadThreadAsync(user, thread, page, Take, readHeld: true, CancellationToken.None);
            Assert.Equal(compiled is null, written is null);
            if (compiled is null)
            {
                return written;
            }

            Assert.Equal(Describe(compiled.Header), Describe(written!.Header));
            Assert.Equal(compiled.Messages.Select(Describe), written.Messages.Select(Describe));
            Assert.Equal(compiled.Held.Select(h => (h.Id, h.Content, h.HeldAt)), written.Held.Select(h => (h.Id, h.Content, h.HeldAt)));
            return written;
        });

    private static string Describe(ThreadHeader h) => $"{h.IsUnread} {h.State} {h.LastReadMessageId} {h.Subject} [{string.Join(",", h.Participants)}]";

    private static string Describe(MessageRow m) => $"{m.Id} {m.SenderId} {m.SentAt:O} {m.SentAt.Kind} {m.Kind} {m.AboutUserId} {m.Content} {m.ReportedByReader}";
}
