using Microsoft.EntityFrameworkCore;
using UserMessages.IntegrationTests.Infrastructure;

namespace UserMessages.IntegrationTests.Search;

/// <summary>
/// Issue 4 §3: on PostgreSQL, message search is full-text search over GIN indexes (every word, any
/// order, the last word as a prefix); on SQLite, and with the portable store on any database, it is a substring
/// match. Every suite runs these.
/// </summary>
public sealed class FullTextSearchTests : MessagingTest, IClassFixture<SharedApp>
{
    public FullTextSearchTests(SharedApp app)
        : base(app)
    {
    }

    [Fact]
    public async Task Search_MatchesWordsTheWayTheDatabaseSearches()
    {
        var meeting = await Alice.StartThreadAsync(Bob.UserName, "Planning", "Meeting tomorrow about the budget");
        var apples = await Alice.StartThreadAsync(Bob.UserName, "Apples", "Green ones");
        await Alice.StartThreadAsync(Bob.UserName, "Numbers", "500 items");

        var reordered = await Alice.SearchAsync("budget meet");
        var asTyped = await Alice.SearchAsync("about the budg");
        var beginning = await Alice.SearchAsync("apple");

        Assert.Equal(new[] { meeting }, asTyped.RowIds());
        Assert.Equal(new[] { apples }, beginning.RowIds());
        if (await IsPostgresAsync() && !TestDatabase.RunsPortableStore)
        {
            // Words in any order, the last one still being typed.
            Assert.Equal(new[] { meeting }, reordered.RowIds());
        }
        else
        {
            // SQLite, and the portable store anywhere: the text as typed, anywhere.
            Assert.Empty(reordered.RowIds());
        }
    }

    [Fact]
    public async Task Search_ForTextWithoutWords_StillFindsItAsTyped()
    {
        var fruit = await Alice.StartThreadAsync(Bob.UserName, "Fruit", "Bitte Äpfel und Öl mitbringen 🍎");
        await Alice.StartThreadAsync(Bob.UserName, "Other", "Apfel");

        Assert.Equal(new[] { fruit }, (await Alice.SearchAsync("🍎")).RowIds());
        Assert.Equal(new[] { fruit }, (await Alice.SearchAsync("Äpfel")).RowIds());
        Assert.Equal(new[] { fruit }, (await Alice.SearchAsync("Öl mit")).RowIds());
    }

    [Fact]
    public async Task Search_OnPostgres_UsesTheFullTextIndexes_OnSqlite_Like_AndWithThePortableStore_ALowerCaseMatch()
    {
        await Alice.StartThreadAsync(Bob.UserName, "Holiday", "A pineapple for the pineapple lover");
        var statements = await App.Statements.MeasureAsync(() => Alice.GetPageAsync(MailboxPaths.SearchFor("pineapple")));
        var search = Assert.Single(statements, s => s.Contains("UserMessagesMessages", StringComparison.Ordinal) && s.Contains("UserMessagesThreads", StringComparison.Ordinal));

        if (TestDatabase.RunsPortableStore)
        {
            Assert.Contains("LOWER(", search, StringComparison.OrdinalIgnoreCase);
            return;
        }

        if (!await IsPostgresAsync())
        {
            Assert.Contains(" LIKE ", search, StringComparison.Ordinal);
            return;
        }

        Assert.Contains("\"SearchVector\" @@ to_tsquery('simple', ", search, StringComparison.Ordinal);
        Assert.Contains("""to_tsvector('simple', "Subject") @@ to_tsquery('simple', """, search, StringComparison.Ordinal);

        // The subject's expression, and the messages' stored words, are answered from the GIN indexes the migration created.
        var plans = await App.WithDbAsync(async db =>
        {
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = """
                SET enable_seqscan = off;
                EXPLAIN SELECT * FROM "UserMessagesMessages" WHERE "SearchVector" @@ to_tsquery('simple', '''pine'':*');
                EXPLAIN SELECT * FROM "UserMessagesThreads" WHERE to_tsvector('simple', "Subject") @@ to_tsquery('simple', '''holi'':*');
                """;
            var lines = new List<string>();
            await using var reader = await command.ExecuteReaderAsync();
            do
            {
                while (await reader.ReadAsync())
                {
                    lines.Add(reader.GetString(0));
                }
            }
            while (await reader.NextResultAsync());
            return string.Join(Environment.NewLine, lines);
        });
        Assert.Contains("IX_UserMessagesMessages_Content_FullText", plans, StringComparison.Ordinal);
        Assert.Contains("IX_UserMessagesThreads_Subject_FullText", plans, StringComparison.Ordinal);
    }

    /// <summary>The e-mail digests' background poll pushed out of the tests' time, so its statements never land in a measure.</summary>
    protected override void ConfigureServices(IServiceCollection services)
        => services.PostConfigure<UserMessagesOptions>(options => options.Notifications.PollInterval = TimeSpan.FromDays(1));

    private Task<bool> IsPostgresAsync()
        => App.WithDbAsync(db => Task.FromResult(db.Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL"));
}
