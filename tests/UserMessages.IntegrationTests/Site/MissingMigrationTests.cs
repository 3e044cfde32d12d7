using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using UserMessages.IntegrationTests.Infrastructure;

namespace UserMessages.IntegrationTests.Site;

/// <summary>
/// Issue 17 §3: a host that has not applied the messaging migration keeps its own pages; the badge
/// renders nothing and logs one warning, and the messaging pages name the missing tables and the fix.
/// </summary>
/// <remarks>An app per test: each test drops the messaging tables, and expects the one warning of an app that finds them missing.</remarks>
public sealed class MissingMigrationTests : IsolatedMessagingTest
{
    private readonly LogCapture logs = new();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await DropTheMessagingTablesAsync();
    }

    [Fact]
    public async Task TheSitesOwnPage_StillAnswers_WithoutTheBadge_AndOneWarningIsLogged()
    {
        var first = await Alice.GetPageAsync("/");
        var second = await Bob.GetPageAsync("/");

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.Null(first.Find("#um-unread-badge"));
        Assert.Equal("Sample site", first.Single("nav.navbar .navbar-brand").TextContent.Trim());
        var warning = Assert.Single(logs.Warnings, w => w.Contains("unread badge", StringComparison.Ordinal));
        Assert.Contains("UserMessagesMailboxCounters", warning, StringComparison.Ordinal);
        Assert.Contains("dotnet ef database update", warning, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Paths.Inbox)]
    [InlineData("/messages/api/folders/inbox")]
    public async Task AMessagingPage_InDevelopment_NamesTheMissingTablesAndTheCommands(string url)
    {
        var response = await Alice.Http.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("The database has no UserMessages tables", body, StringComparison.Ordinal);
        Assert.Contains("UserMessagesThreads", body, StringComparison.Ordinal);
        Assert.Contains("dotnet ef migrations add AddUserMessages", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMessagingPage_InProduction_IsThePlainErrorPage()
    {
        await using var production = App.WithWebHostBuilder(builder => builder.UseEnvironment("Production"));
        using var alice = new BrowserClient(production.CreateClient(new() { AllowAutoRedirect = false }), Alice.User);
        alice.Http.DefaultRequestHeaders.Add(TestAuthenticationHandler.UserHeader, Alice.Id);

        var inbox = await alice.GetPageAsync(Paths.Inbox);
        var home = await alice.GetPageAsync("/");

        Assert.Equal(HttpStatusCode.InternalServerError, inbox.Status);
        Assert.DoesNotContain("UserMessagesThreads", inbox.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, home.Status);
    }

    protected override void ConfigureServices(IServiceCollection services)
        => services.AddSingleton<ILoggerProvider>(logs);

    private Task DropTheMessagingTablesAsync()
        => WithDbAsync(async db =>
        {
            var sql = db.GetService<ISqlGenerationHelper>();
            var left = db.Model.GetEntityTypes().Where(e => e.ClrType.Namespace == typeof(UserMessages.Domain.MessageThread).Namespace).ToList();
            var tables = new List<string>();
            while (left.Count > 0)
            {
                // A table only after every table that refers to it: messages after reports and attachments, the thread table last.
                var free = left.First(e => e.GetReferencingForeignKeys().All(k => k.DeclaringEntityType == e || !left.Contains(k.DeclaringEntityType)));
                left.Remove(free);
                tables.Add(sql.DelimitIdentifier(free.GetTableName()!, free.GetSchema()));
            }

            foreach (var table in tables)
            {
                var drop = "DROP TABLE " + table + (db.Database.IsNpgsql() ? " CASCADE" : "");
                await db.Database.ExecuteSqlRawAsync(drop);
            }

            return tables.Count;
        });

    /// <summary>Keeps the app's warnings.</summary>
    private sealed class LogCapture : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> warnings = new();

        public IReadOnlyCollection<string> Warnings => warnings;

        public ILogger CreateLogger(string categoryName) => new Logger(warnings);

        public void Dispose()
        {
        }

        private sealed class Logger(ConcurrentQueue<string> warnings) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (logLevel == LogLevel.Warning)
                {
                    warnings.Enqueue(formatter(state, exception));
                }
            }
        }
    }
}
