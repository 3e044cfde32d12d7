using System.Data.Common;
using System.Net;
using Microsoft.EntityFrameworkCore.Diagnostics;
using UserMessages.IntegrationTests.Infrastructure;
using UserMessages.Sample.Data;

namespace UserMessages.IntegrationTests.Site;

/// <summary>
/// Issue 23, item 5: while the database cannot be reached (its driver reports a transient failure, as Npgsql does for a refused
/// connection or a server restarting), pages and the API answer 503 with <c>Retry-After</c> and say so, at once; nothing was half
/// saved, so the same form sent again once the database is back sends once.
/// </summary>
/// <remarks>An app per test: the test takes the app's database away.</remarks>
public sealed class DatabaseOutageTests : IsolatedMessagingTest
{
    private readonly Outage outage = new();

    [Fact]
    public async Task Pages_AnswerServiceUnavailable_WithAClearPage_AndRecover()
    {
        await Alice.StartThreadAsync(Bob.UserName, "Picnic", "Saturday?");

        outage.Down = true;
        var page = await Bob.GetPageAsync(Paths.Inbox);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.Status);
        Assert.Equal("5", page.Response.Headers.GetValues("Retry-After").Single());
        Assert.Equal("503", page.Single(".um[data-um-page='problem']").GetAttribute("data-um-status"));
        Assert.Contains("Messages are unavailable", page.Single("h1").TextContent, StringComparison.Ordinal);

        outage.Down = false;
        var again = await Bob.GetPageAsync(Paths.Inbox);
        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Equal(1, again.UnreadBadgeCount);
    }

    [Fact]
    public async Task Api_AnswersServiceUnavailable_AsProblemJson()
    {
        outage.Down = true;
        using var response = await Bob.Http.GetAsync("/messages/api/folders/inbox");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("5", response.Headers.GetValues("Retry-After").Single());
        Assert.Contains("Messages are unavailable", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AReplySentDuringTheOutage_IsRefused_AndSentOnceWhenTriedAgain()
    {
        var threadId = await Alice.StartThreadAsync(Bob.UserName, "Picnic", "Saturday?");
        var thread = await Bob.GetPageAsync(Paths.Thread(threadId));
        var reply = new Dictionary<string, string> { ["Content"] = "Yes, noon." };

        outage.Down = true;
        using var refused = await Bob.SubmitFormAsync(thread, "#um-reply-form", reply);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);

        outage.Down = false;
        using var sent = await Bob.SubmitFormAsync(thread, "#um-reply-form", reply);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var shown = await Alice.GetPageAsync(Paths.Thread(threadId));
        Assert.Single(shown.Document.QuerySelectorAll("#um-messages .um-message__content"), c => c.TextContent.Contains("Yes, noon.", StringComparison.Ordinal));
    }

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.ConfigureDbContext<SampleDbContext>(options => options.AddInterceptors(outage));
        services.ConfigureDbContext<SamplePostgresDbContext>(options => options.AddInterceptors(outage));
        services.ConfigureDbContext<SampleMariaDbContext>(options => options.AddInterceptors(outage));
    }

    /// <summary>While <see cref="Down"/>, opening a connection and running a statement fail as a driver fails for a server out of reach.</summary>
    private sealed class Outage : DbConnectionInterceptor, IDbCommandInterceptor
    {
        public volatile bool Down;

        public override ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
            => Down ? throw new UnreachableDatabaseException() : ValueTask.FromResult(result);

        public ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
            => Down ? throw new UnreachableDatabaseException() : ValueTask.FromResult(result);

        public ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
            => Down ? throw new UnreachableDatabaseException() : ValueTask.FromResult(result);

        public ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
            => Down ? throw new UnreachableDatabaseException() : ValueTask.FromResult(result);
    }

    private sealed class UnreachableDatabaseException() : DbException("The database system is starting up.")
    {
        public override bool IsTransient => true;
    }
}
