using System.Data.Common;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore.Diagnostics;
using UserMessages.IntegrationTests.Infrastructure;
using UserMessages.Sample.Data;

namespace UserMessages.IntegrationTests.Live;

/// <summary>
/// Issue 23: an open live connection holds no database connection. The request a WebSocket arrives by lasts as long as the socket;
/// the pages' and the API's database filters held a pooled connection for all of it, so about a hundred open pages emptied
/// Npgsql's default pool of an instance and every later request waited for one.
/// </summary>
/// <remarks>An app per test: it counts the app's open database connections, on Kestrel (the test server has no WebSockets).</remarks>
public sealed class HubConnectionHoldsNoDatabaseTests : IsolatedMessagingTest
{
    private readonly OpenConnections open = new();

    protected override bool UseKestrel => true;

    [Fact]
    public async Task OpenWebSockets_HoldNoDatabaseConnection_AndTheHubStillAnswers()
    {
        var threadId = await Alice.StartThreadAsync(Bob.UserName, "Picnic", "Saturday?");
        var before = open.Count;
        var address = App.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        await using var first = Connect(address, Bob.User);
        await using var second = Connect(address, Alice.User);
        await first.StartAsync();
        await second.StartAsync();

        var state = await first.InvokeAsync<LiveStateReply>("State", threadId);

        Assert.Equal(1, state.Unread);
        Assert.Equal(before, open.Count);
    }

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.ConfigureDbContext<SampleDbContext>(options => options.AddInterceptors(open));
        services.ConfigureDbContext<SamplePostgresDbContext>(options => options.AddInterceptors(open));
        services.ConfigureDbContext<SampleMariaDbContext>(options => options.AddInterceptors(open));
    }

    private static HubConnection Connect(string address, TestUser user)
        => new HubConnectionBuilder()
            .WithUrl(new Uri(new Uri(address), LiveConnection.HubPath), options =>
            {
                options.Transports = HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
                options.Headers[TestAuthenticationHandler.UserHeader] = user.Id;
            })
            .Build();

    /// <summary>
    /// How many of the app's database connections EF Core opened and has not closed (the migration's check on SQLite opens
    /// one outside this count's closing, so a test compares before and after).
    /// </summary>
    private sealed class OpenConnections : DbConnectionInterceptor
    {
        private int count;

        public int Count => Volatile.Read(ref count);

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref count);
            return Task.CompletedTask;
        }

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Interlocked.Increment(ref count);

        public override Task ConnectionClosedAsync(DbConnection connection, ConnectionEndEventData eventData)
        {
            Interlocked.Decrement(ref count);
            return Task.CompletedTask;
        }

        public override void ConnectionClosed(DbConnection connection, ConnectionEndEventData eventData) => Interlocked.Decrement(ref count);
    }
}
