using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UserMessages.Domain;

namespace UserMessages.Tests.Storage;

/// <summary>SPEC §5: table names come from UserMessagesOptions.Store for an Identity-based context.</summary>
public sealed class StoreOptionsTests
{
    [Fact]
    public async Task TablePrefixOption_NamesTheTablesAndIndexesOfAnIdentityContext()
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        var collection = new ServiceCollection();
        collection.AddDbContext<PrefixedIdentityDbContext>(o => o.UseSqlite(connection));
        collection.AddLogging();
        collection.AddIdentityCore<IdentityUser>().AddEntityFrameworkStores<PrefixedIdentityDbContext>();
        collection.AddUserMessages(o => o.Store.TablePrefix = "Mail").AddEntityFrameworkStores<PrefixedIdentityDbContext>();
        await using var services = collection.BuildServiceProvider();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrefixedIdentityDbContext>();

        await db.Database.EnsureCreatedAsync();

        Assert.Equal("MailThreads", db.Model.FindEntityType(typeof(MessageThread))!.GetTableName());
        Assert.Equal("MailMessages", db.Model.FindEntityType(typeof(Message))!.GetTableName());
        Assert.Equal("MailParticipants", db.Model.FindEntityType(typeof(ThreadParticipant))!.GetTableName());
        Assert.Contains(
            db.Model.FindEntityType(typeof(ThreadParticipant))!.GetIndexes(),
            i => i.GetDatabaseName() == "IX_MailParticipants_Folder");
        Assert.Equal("MailMailboxCounters", db.Model.FindEntityType(typeof(MailboxCounter))!.GetTableName());
        await db.MessageThreads.CountAsync();
    }

    [Fact]
    public async Task TwoAppsInOneProcess_WithDifferentTablePrefixes_EachUseTheirOwnTables()
    {
        var tableNames = new List<string>();
        foreach (var prefix in new[] { "First", "Second" })
        {
            await using var connection = new SqliteConnection("Data Source=:memory:");
            await connection.OpenAsync();
            var collection = new ServiceCollection();
            collection.AddDbContext<PerAppPrefixDbContext>(o => o.UseSqlite(connection));
            collection.AddLogging();
            collection.AddUserMessages(o => o.Store.TablePrefix = prefix).AddEntityFrameworkStores<PerAppPrefixDbContext>();
            await using var services = collection.BuildServiceProvider();
            await using var scope = services.CreateAsyncScope();

            tableNames.Add(scope.ServiceProvider.GetRequiredService<PerAppPrefixDbContext>().Model.FindEntityType(typeof(MessageThread))!.GetTableName()!);
        }

        Assert.Equal(["FirstThreads", "SecondThreads"], tableNames);
    }
}
