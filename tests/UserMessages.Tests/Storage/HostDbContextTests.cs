using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using UserMessages.Domain;
using UserMessages.Services;
using UserMessages.Tests.Infrastructure;
using UserMessages.Users;

namespace UserMessages.Tests.Storage;

/// <summary>SPEC §6: an app that keeps its own context adds the tables with UseUserMessages and brings its own user directory.</summary>
public sealed class HostDbContextTests : IAsyncLifetime
{
    private static readonly MessagingUser Ann = new("u-ann", "ann", "Ann Smith");
    private static readonly MessagingUser Ben = new("u-ben", "ben", "Ben Jones");

    private readonly Mock<IUserDirectory> directory = new();
    private TestHost<HostDbContext> host = null!;

    public async Task InitializeAsync()
    {
        directory.Setup(d => d.FindByIdsAsync(It.IsAny<IReadOnlyCollection<string>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((IReadOnlyCollection<string> ids, CancellationToken _) =>
                new[] { Ann, Ben }.Where(u => ids.Contains(u.Id)).ToDictionary(u => u.Id));

        host = await new TestHostBuilder().ConfigureServices(s => s.AddSingleton(directory.Object)).StartAsync<HostDbContext>();
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Tables_AreNamedWithTheHostsPrefix()
    {
        var tables = await SchemaNamesAsync("table");

        Assert.Equal(["PmAttachments", "PmBlocks", "PmHeldMessages", "PmMailboxCounters", "PmMessageEdits", "PmMessages", "PmModerationLog", "PmParticipants", "PmPendingNotifications", "PmPreferences", "PmReports", "PmSuspensions", "PmThreads"], tables.Where(t => !t.StartsWith("sqlite_", StringComparison.Ordinal)).Order());
        Assert.Contains("IX_PmParticipants_Folder", await SchemaNamesAsync("index"));
    }

    [Fact]
    public async Task SendReplyAndInbox_WorkInTheHostsContext_WithTheHostsUserDirectory()
    {
        await using var scope = host.Services.CreateAsyncScope();
        var messages = scope.ServiceProvider.GetRequiredService<IUserMessagesService>();

        var sent = await messages.StartThreadAsync(new NewThreadRequest(Ann.Id, [Ben.Id], "Own context", "Hello Ben"));
        Assert.True(sent.Succeeded);
        Assert.Equal(1, await messages.CountUnreadAsync(Ben.Id));
        Assert.True((await messages.ReplyAsync(Ben.Id, sent.Value!.ThreadId, "Hello Ann")).Succeeded);
        Assert.Equal((1, 0), (await messages.CountUnreadAsync(Ann.Id), await messages.CountUnreadAsync(Ben.Id)));
        var inbox = await messages.GetFolderAsync(Ann.Id, MailboxFolder.Inbox, PageRequest.Newest);

        var row = Assert.Single(inbox.Value!.Threads);
        Assert.Equal("Own context", row.Subject);
        Assert.Equal("Ben Jones", row.LatestSender.DisplayName);
        Assert.Equal("Ben Jones", Assert.Single(row.OtherParticipants).DisplayName);
        Assert.Equal("Hello Ann", row.Excerpt);
        Assert.Equal(2, await scope.ServiceProvider.GetRequiredService<HostDbContext>().Messages.CountAsync());
    }

    [Fact]
    public async Task StartThread_ToSomeoneTheHostsDirectoryDoesNotKnow_IsRefused()
    {
        await using var scope = host.Services.CreateAsyncScope();
        var messages = scope.ServiceProvider.GetRequiredService<IUserMessagesService>();

        var result = await messages.StartThreadAsync(new NewThreadRequest(Ann.Id, ["u-stranger"], "Hi", "Hello"));

        Assert.Equal("RecipientUnavailable", Assert.Single(result.Errors).Code);
    }

    private async Task<List<string>> SchemaNamesAsync(string type)
    {
        await using var command = host.Connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = $type";
        command.Parameters.AddWithValue("$type", type);
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }
}
