using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection.Extensions;
using UserMessages.IntegrationTests.Infrastructure;

namespace UserMessages.IntegrationTests.Safety;

/// <summary>SPEC §7: message content never goes into logs, at any level.</summary>
/// <remarks>An app per test: the test reads every log line of the app.</remarks>
public sealed class LoggingTests : IsolatedMessagingTest
{
    private const string Secret = "s3cr3t-content-7f1d";

    private readonly CapturingLoggerProvider logs = new();

    [Fact]
    public async Task MessageContent_NeverAppearsInTheLogs()
    {
        var threadId = await Alice.StartThreadAsync(Bob.UserName, "Hello", $"First {Secret}");
        await Bob.GetPageAsync(Paths.Thread(threadId));
        await Bob.ReplyAsync(threadId, $"Reply {Secret}");
        await Alice.GetPageAsync(Paths.Inbox);
        var form = await Alice.GetPageAsync(Paths.Create);
        await Alice.SubmitFormAsync(form, "#um-compose-form", MessagingSteps.ComposeFields("nobody@example.com", "Hi", $"Refused {Secret}"));
        await Alice.SubmitFormAsync(form, "#um-compose-form", MessagingSteps.ComposeFields(Bob.UserName, "Hi", Secret + new string('x', 10_001)));
        await Alice.PostFormAsync(Paths.Thread(threadId), [new("Content", $"No token {Secret}")]);

        // The capture sees everything down to EF Core's debug-level SQL logging.
        Assert.Contains(logs.Messages, m => m.Contains("Executed DbCommand", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Messages, m => m.Contains(Secret, StringComparison.Ordinal));
    }

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ILoggerProvider>(logs));
        services.Configure<LoggerFilterOptions>(o => o.AddFilter<CapturingLoggerProvider>(null, LogLevel.Trace));
    }

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        public ConcurrentQueue<string> Messages { get; } = new();

        public ILogger CreateLogger(string categoryName) => new CapturingLogger(Messages);

        public void Dispose()
        {
        }

        private sealed class CapturingLogger(ConcurrentQueue<string> messages) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
                => messages.Enqueue(formatter(state, exception) + " " + exception);
        }
    }
}
