using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UserMessages.Domain;
using UserMessages.Services;
using UserMessages.Tests.Infrastructure;

namespace UserMessages.Tests.Storage;

/// <summary>SPEC §5: table names come from UserMessagesOptions.Store for an Identity-based context.</summary>
public sealed class StoreOptionsTests
{
    [Fact]
    public async Task TablePrefixOption_NamesTheTablesAndIndexesOfAnIdentityContext()
    {
        await using var host = await new TestHostBuilder()
            .AddIdentity<IdentityUser, string>()
            .ConfigureOptions(o => o.Store.TablePrefix = "Mail")
            .WithoutCreatingDatabase()
            .StartAsync<PrefixedIdentityDbContext>();
        await using var scope = host.Services.CreateAsyncScope();
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

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task TwoAppsInOneProcess_WithDifferentTablePrefixes_EachUseTheirOwnTables(bool pooled)
    {
        var tableNames = new List<string>();
        foreach (var prefix in new[] { "First", "Second" })
        {
            var builder = new TestHostBuilder().ConfigureOptions(o => o.Store.TablePrefix = prefix).WithoutCreatingDatabase();
            if (pooled)
            {
                builder.PoolContexts();
            }

            await using var host = await builder.StartAsync<PerAppPrefixDbContext>();
            await using var scope = host.Services.CreateAsyncScope();

            tableNames.Add(scope.ServiceProvider.GetRequiredService<PerAppPrefixDbContext>().Model.FindEntityType(typeof(MessageThread))!.GetTableName()!);
        }

        Assert.Equal(["FirstThreads", "SecondThreads"], tableNames);
    }

    [Fact]
    public async Task APooledContext_SendsAndReadsAcrossRequests()
    {
        await using var host = await new TestHostBuilder()
            .PoolContexts(size: 2)
            .AddIdentity<IdentityUser, string>()
            .WithoutCreatingDatabase()
            .StartAsync<PrefixedIdentityDbContext>();
        await host.InScopeAsync(sp => sp.GetRequiredService<PrefixedIdentityDbContext>().Database.EnsureCreatedAsync());
        var ids = new List<string>();
        foreach (var name in new[] { "ann", "ben" })
        {
            ids.Add(await host.InScopeAsync(async sp =>
            {
                var user = new IdentityUser(name);
                Assert.True((await sp.GetRequiredService<UserManager<IdentityUser>>().CreateAsync(user)).Succeeded);
                return user.Id;
            }));
        }

        // More requests than the pool holds: contexts are handed back and reused, each starting clean.
        for (var i = 0; i < 5; i++)
        {
            var sent = await host.InScopeAsync(sp => sp.GetRequiredService<IUserMessagesService>().StartThreadAsync(new NewThreadRequest(ids[0], [ids[1]], $"Hello {i}", "Hi")));
            Assert.True(sent.Succeeded, sent.Status.ToString());
        }

        var inbox = await host.InScopeAsync(sp => sp.GetRequiredService<IUserMessagesService>().GetFolderAsync(ids[1], MailboxFolder.Inbox, PageRequest.Newest));
        Assert.Equal(["Hello 4", "Hello 3", "Hello 2", "Hello 1", "Hello 0"], inbox.Value!.Threads.Select(t => t.Subject));
        Assert.Equal(5, await host.InScopeAsync(sp => sp.GetRequiredService<IUserMessagesService>().CountUnreadAsync(ids[1])));
    }
}
