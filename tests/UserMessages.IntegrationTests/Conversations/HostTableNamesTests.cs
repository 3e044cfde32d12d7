using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using UserMessages.Domain;
using UserMessages.IntegrationTests.Infrastructure;
using UserMessages.Notifications;
using UserMessages.Services;
using UserMessages.Storage;
using UserMessages.Store;

namespace UserMessages.IntegrationTests.Conversations;

/// <summary>
/// Issue 5: the SQL the package writes for sending and for the folder and thread pages names the
/// host's tables as its model maps them. On PostgreSQL the tables are in a schema of the host's
/// choosing (<c>options.Store.Schema</c>), on SQLite they carry a prefix; either way a
/// conversation goes through, the pages read it, and every unread counter equals a recount.
/// </summary>
public sealed class HostTableNamesTests
{
    private const string Schema = "mail";

    [Fact]
    public async Task SendingAndReading_UseTheHostsSchemaOrPrefix_AndKeepTheCountersExact()
    {
        using var database = new TestDatabase();
        var collection = new ServiceCollection();
        collection.AddDbContext<NamedTablesDbContext>(o => _ = database.Engine switch
        {
            TestEngine.Postgres => o.UseNpgsql(database.ConnectionString),
            TestEngine.MariaDb => o.UseMySQL(database.ConnectionString),
            _ => o.UseSqlite(database.ConnectionString),
        });
        collection.AddLogging();
        collection.AddIdentityCore<IdentityUser>().AddEntityFrameworkStores<NamedTablesDbContext>();
        collection.AddUserMessages(o =>
            {
                // Its three users know each other (message requests off): the test is about table names.
                o.MessageRequests = false;
                if (database.IsPostgres)
                {
                    o.Store.Schema = Schema;
                }
                else
                {
                    o.Store.TablePrefix = "Mail";
                }
            })
            .AddEntityFrameworkStores<NamedTablesDbContext>()
            .AddMessageNotifier<NoDigests>();
        await using var services = collection.BuildServiceProvider();
        async Task<T> WithAsync<T>(Func<NamedTablesDbContext, IUserMessagesService, Task<T>> work)
        {
            await using var scope = services.CreateAsyncScope();
            return await work(scope.ServiceProvider.GetRequiredService<NamedTablesDbContext>(), scope.ServiceProvider.GetRequiredService<IUserMessagesService>());
        }

        var (alice, bob, carol) = await WithAsync(async (db, _) =>
        {
            await db.Database.EnsureCreatedAsync();
            Assert.Equal(database.IsPostgres ? Schema : null, db.Model.FindEntityType(typeof(MessageThread))!.GetSchema());
            // The SQL store serves renamed tables where it serves the provider at all.
            var statements = MessageStoreChoice.Statements(db, useProviderSql: true, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);
            Assert.Equal(database.Engine != TestEngine.MariaDb, statements is not null);
            var users = new[] { "alice", "bob", "carol" }.Select(name => new IdentityUser(name)).ToList();
            foreach (var user in users)
            {
                db.Users.Add(user);
            }

            await db.SaveChangesAsync();
            return (users[0].Id, users[1].Id, users[2].Id);
        });

        var thread = (await WithAsync((_, s) => s.StartThreadAsync(new NewThreadRequest(alice, [bob, carol], "Plans", "Who comes?")))).Value!.ThreadId;
        Assert.True((await WithAsync((_, s) => s.ReplyAsync(bob, thread, "Me"))).Succeeded);
        Assert.True((await WithAsync((_, s) => s.ArchiveThreadAsync(carol, thread))).Succeeded);
        Assert.True((await WithAsync((_, s) => s.ReplyAsync(alice, thread, "Carol, you too?"))).Succeeded);
        var second = (await WithAsync((_, s) => s.StartThreadAsync(new NewThreadRequest(bob, [carol], "Lunch", "Noon?")))).Value!.ThreadId;

        // Carol has both threads unread in her inbox (the reply brought the first back from the archive).
        var inbox = (await WithAsync((_, s) => s.GetFolderAsync(carol, MailboxFolder.Inbox, PageRequest.Newest))).Value!;
        Assert.Equal([second, thread], inbox.Threads.Select(t => t.ThreadId));
        Assert.All(inbox.Threads, t => Assert.True(t.IsUnread));
        var page = (await WithAsync((_, s) => s.GetThreadAsync(carol, thread, PageRequest.Newest))).Value!;
        Assert.Equal(["Who comes?", "Me", "Carol, you too?"], page.Messages.Select(m => m.Content));

        // Every counter equals the unread threads in the inbox, and each recipient's message is queued for the digest.
        async Task<List<int>> CountsAsync()
        {
            var counts = new List<int>();
            foreach (var user in new[] { alice, bob, carol })
            {
                counts.Add(await WithAsync((_, s) => s.CountUnreadAsync(user)));
            }

            return counts;
        }

        Assert.Equal([0, 1, 2], await CountsAsync());
        await WithAsync(async (_, s) =>
        {
            await s.RebuildUnreadCountersAsync();
            return true;
        });
        Assert.Equal([0, 1, 2], await CountsAsync());
        var queued = await WithAsync((db, _) => db.Set<PendingNotification>().Select(n => n.RecipientId).Distinct().OrderBy(id => id).ToListAsync());
        Assert.Equal(new[] { alice, bob, carol }.Order(StringComparer.Ordinal), queued.Order(StringComparer.Ordinal));
    }

    private sealed class NamedTablesDbContext(DbContextOptions<NamedTablesDbContext> options) : UserMessagesIdentityDbContext<IdentityUser>(options);

    /// <summary>Turns notifications on (they are queued); no digest is sent here.</summary>
    private sealed class NoDigests : IMessageNotifier
    {
        public Task NotifyAsync(MessageDigest digest, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
