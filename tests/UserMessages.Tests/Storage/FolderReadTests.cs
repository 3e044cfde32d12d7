using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UserMessages.Domain;
using UserMessages.Services;
using UserMessages.Storage;
using UserMessages.Store;
using UserMessages.Tests.Infrastructure;

namespace UserMessages.Tests.Storage;

/// <summary>
/// A folder page of the SQL store (<see cref="SqlMessageStore"/>) must read exactly what the portable
/// store's compiled queries read, which still run where the SQL store does not apply.
/// </summary>
public sealed class FolderReadTests
{
    private const int Take = 4;

    public static TheoryData<MailboxFolder> Folders => [MailboxFolder.Inbox, MailboxFolder.Requests, MailboxFolder.Sent, MailboxFolder.Archive, MailboxFolder.Trash];

    [Theory]
    [MemberData(nameof(Folders))]
    public async Task SqlStore_ReadsTheSameRowsAsThePortableStore_OnEveryPage(MailboxFolder folder)
    {
        await using var host = await MessagingHost.StartAsync(MessagingHost.CreateBuilder().WithMessageRequests());
        var (alice, bob, carol) = (await host.CreateUserAsync("alice"), await host.CreateUserAsync("bob"), await host.CreateUserAsync("carol"));
        await SeedMixedMailboxesAsync(host, alice, bob, carol);

        foreach (var user in new[] { alice, bob, carol })
        {
            // Walk the folder older and older with each reader's own cursor, then back newer from the last page.
            var pages = 0;
            KeysetCursor? before = null;
            KeysetCursor? last = null;
            while (true)
            {
                var rows = await BothAsync(host, user, folder, before, null);
                pages++;
                if (rows.Count <= Take - 1)
                {
                    break;
                }

                last = before;
                before = new KeysetCursor(rows[Take - 2].LatestMessageAt, rows[Take - 2].ThreadId);
            }

            if (last is { } cursor)
            {
                await BothAsync(host, user, folder, null, cursor);
            }

            Assert.True(last is not null || folder != MailboxFolder.Inbox, $"The inbox should span three pages or more, not {pages}.");
        }
    }

    [Fact]
    public async Task Separator_JoinsSeveralOtherPeople_AndNoOneForAThreadOnlyTheReaderIsStillIn()
    {
        await using var host = await MessagingHost.StartAsync();
        var (alice, bob, carol) = (await host.CreateUserAsync("alice"), await host.CreateUserAsync("bob"), await host.CreateUserAsync("carol"));
        var group = await host.SendAsync(alice, [bob, carol], "Group");
        var alone = await host.SendAsync(alice, [bob], "Alone");
        Assert.True((await host.WithServiceAsync(s => s.LeaveThreadAsync(bob, alone.ThreadId))).Succeeded);

        var (rows, _, _) = await host.WithDbAsync(db => SqlStore(db).ReadFolderAsync(alice, MailboxFolder.Inbox, default, 10, CancellationToken.None));

        Assert.Equal([.. new[] { bob, carol }.Order(StringComparer.Ordinal)], rows.Single(r => r.ThreadId == group.ThreadId).Others);
        Assert.Empty(rows.Single(r => r.ThreadId == alone.ThreadId).Others);
    }

    [Fact]
    public async Task HostsQueryFilterOnThreads_StillHidesThemFromFoldersAndThreadPages()
    {
        await using var host = await new TestHostBuilder().AddIdentity<IdentityUser, string>().StartAsync<ModeratedThreadsDbContext>();
        var (alice, bob) = (await host.CreateUserAsync("alice"), await host.CreateUserAsync("bob"));
        var lunch = (await host.WithServiceAsync(s => s.StartThreadAsync(new NewThreadRequest(alice, [bob], "Lunch?", "At noon?")))).Value!.ThreadId;
        var spam = (await host.WithServiceAsync(s => s.StartThreadAsync(new NewThreadRequest(alice, [bob], ModeratedThreadsDbContext.Removed + " spam", "Buy now")))).Value!.ThreadId;

        var inbox = await host.WithServiceAsync(s => s.GetFolderAsync(bob, MailboxFolder.Inbox, PageRequest.Newest));

        Assert.Equal(["Lunch?"], inbox.Value!.Threads.Select(t => t.Subject));
        Assert.Equal(MessagingStatus.Succeeded, (await host.WithServiceAsync(s => s.GetThreadAsync(bob, lunch, PageRequest.Newest))).Status);
        Assert.Equal(MessagingStatus.NotFound, (await host.WithServiceAsync(s => s.GetThreadAsync(bob, spam, PageRequest.Newest))).Status);
        await using (var scope = host.Services.CreateAsyncScope())
        {
            Assert.IsNotType<SqlMessageStore>(scope.ServiceProvider.GetRequiredService<IMessageStore>());
        }
    }

    /// <summary>Reads one page from both stores, asserts they agree (the unread and request counts too, where the portable store reads none), and returns it.</summary>
    private static Task<List<ThreadRow>> BothAsync(MessagingHost host, string user, MailboxFolder folder, KeysetCursor? before, KeysetCursor? after)
        => host.WithDbAsync(async db =>
        {
            var page = new KeysetPage(before, after);
            var (written, unread, requests) = await SqlStore(db).ReadFolderAsync(user, folder, page, Take, CancellationToken.None);
            var portable = new MessageStore(new UserMessagesDb(db));
            Assert.Equal(written.Count == 0 ? null : await portable.CountUnreadAsync(user, CancellationToken.None), unread);
            Assert.Equal(written.Count == 0 ? null : await portable.CountRequestsAsync(user, CancellationToken.None), requests);

            var (compiled, _, _) = await portable.ReadFolderAsync(user, folder, page, Take, CancellationToken.None);

            Assert.Equal(compiled.Select(Describe), written.Select(Describe));
            return written;
        });

    /// <summary>The SQL store over <paramref name="db"/>, as the package chooses it for the test host's model.</summary>
    internal static SqlMessageStore SqlStore(TestDbContext db)
        => new(new UserMessagesDb(db), Assert.IsType<SqlStatements>(MessageStoreChoice.Statements(db, useProviderSql: true, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance)), "simple");

    private static string Describe(ThreadRow r)
        => $"{r.ThreadId} {r.IsUnread} {r.State} {r.LatestMessageAt:O} {r.LatestMessageAt.Kind} {r.Subject} {r.SenderId} {r.Excerpt} [{string.Join(",", r.Others)}]";

    /// <summary>Threads in every state for three people: group threads, replies, reads, archive, trash, and someone who left.</summary>
    private static async Task SeedMixedMailboxesAsync(MessagingHost host, string alice, string bob, string carol)
    {
        // First threads between the three (requests for their recipients, left unanswered); after them they know each
        // other, and a stranger's threads are requests too.
        var people = new[] { alice, bob, carol };
        var stranger = await host.CreateUserAsync("stranger");
        foreach (var (sender, recipient) in new[] { (bob, alice), (carol, bob), (alice, carol), (stranger, alice), (stranger, bob) })
        {
            await host.SendAsync(sender, [recipient], "Introduction");
            host.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        for (var i = 0; i < 18; i++)
        {
            var sender = people[i % 3];
            var recipients = i % 4 == 0 ? people.Where(p => p != sender).ToArray() : [people[(i + 1) % 3]];
            var content = i % 5 == 0 ? new string('x', 200) + " long, cut in the excerpt" : $"Message {i}\nwith a second line";
            var sent = await host.SendAsync(sender, recipients, $"Thread {i}", content);
            host.Clock.Advance(TimeSpan.FromMinutes(i % 3 == 0 ? 0 : 1));
            if (i % 3 == 1)
            {
                await host.ReplyAsync(recipients[0], sent.ThreadId, $"Reply to {i}");
            }

            var reader = recipients[0];
            var outcome = (i % 6) switch
            {
                1 => await host.WithServiceAsync(s => s.ArchiveThreadAsync(reader, sent.ThreadId)),
                2 => await host.WithServiceAsync(s => s.DeleteThreadAsync(reader, sent.ThreadId)),
                3 => await host.WithServiceAsync(s => s.MarkReadAsync(reader, sent.ThreadId)),
                4 when recipients.Length > 1 => await host.WithServiceAsync(s => s.LeaveThreadAsync(reader, sent.ThreadId)),
                5 => await host.WithServiceAsync(s => s.ArchiveThreadAsync(sender, sent.ThreadId)),
                _ => MessagingResult.Success,
            };
            Assert.True(outcome.Succeeded, outcome.Status.ToString());
        }
    }

    /// <summary>A host that hides threads its moderators removed, with a query filter.</summary>
    private sealed class ModeratedThreadsDbContext(DbContextOptions<ModeratedThreadsDbContext> options) : UserMessagesIdentityDbContext<IdentityUser>(options)
    {
        public const string Removed = "[removed]";

        protected override void OnModelCreating(ModelBuilder builder)
        {
            base.OnModelCreating(builder);
            builder.Entity<MessageThread>().HasQueryFilter(t => !t.Subject.StartsWith(Removed));
        }
    }
}
