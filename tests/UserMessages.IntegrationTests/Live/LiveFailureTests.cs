using System.Net;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection.Extensions;
using UserMessages.IntegrationTests.Infrastructure;
using UserMessages.Web.Live;

namespace UserMessages.IntegrationTests.Live;

/// <summary>A hub that cannot send never fails or undoes the send, and the content stays out of the logs.</summary>
/// <remarks>An app per test: the test reads every log line of the app.</remarks>
public sealed class LiveFailureTests : IsolatedMessagingTest
{
    private const string Secret = "live-s3cr3t-91c2";

    private readonly LiveLogCapture logs = new();

    [Fact]
    public async Task FailingHub_DoesNotFailTheSend_AndLogsWithoutTheContent()
    {
        var threadId = await Alice.StartThreadAsync(Bob.UserName, "Picnic", $"Saturday? {Secret}");

        var inbox = await Bob.GetPageAsync(Paths.Inbox);
        Assert.Equal(HttpStatusCode.OK, inbox.Status);
        Assert.NotNull(inbox.ThreadRow(threadId));
        Assert.Equal(1, inbox.UnreadBadgeCount);
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Error && e.Text.Contains(nameof(LiveUpdatesHandler), StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Entries, e => e.Text.Contains(Secret, StringComparison.Ordinal));
    }

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton<IHubContext<UserMessagesHub>>(new FailingHubContext());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ILoggerProvider>(logs));
        services.Configure<LoggerFilterOptions>(o => o.AddFilter<LiveLogCapture>(null, LogLevel.Trace));
    }

    private sealed class FailingHubContext : IHubContext<UserMessagesHub>
    {
        public IHubClients Clients => throw new InvalidOperationException("The hub is down.");

        public IGroupManager Groups => throw new InvalidOperationException("The hub is down.");
    }
}

/// <summary>With a client connected and every log level captured, live updates never log the content.</summary>
/// <remarks>An app per test: the test reads every log line of the app.</remarks>
public sealed class LiveLoggingTests : IsolatedMessagingTest
{
    private const string Secret = "live-s3cr3t-4be7";

    private readonly LiveLogCapture logs = new();

    [Fact]
    public async Task LiveUpdates_NeverLogTheContent()
    {
        await using var alice = await LiveConnection.ConnectAsync(App, Alice.User);
        await using var bob = await LiveConnection.ConnectAsync(App, Bob.User);

        var threadId = await Alice.StartThreadAsync(Bob.UserName, "Picnic", $"First {Secret}");
        Assert.Contains(Secret, (await bob.NextMessageAsync()).Content, StringComparison.Ordinal);
        await Bob.ReplyAsync(threadId, $"Reply {Secret}");
        Assert.Contains(Secret, (await alice.NextMessageAsync()).Content, StringComparison.Ordinal);
        Assert.Equal(1, await alice.NextUnreadCountAsync());

        // The capture sees SignalR's own trace logging.
        Assert.Contains(logs.Entries, e => e.Category.StartsWith("Microsoft.AspNetCore.SignalR", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Entries, e => e.Text.Contains(Secret, StringComparison.Ordinal));
    }

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ILoggerProvider>(logs));
        services.Configure<LoggerFilterOptions>(o => o.AddFilter<LiveLogCapture>(null, LogLevel.Trace));
    }
}
