using System.Globalization;
using Microsoft.Data.Sqlite;
using UserMessages.Storage;
using UserMessages.Store;

namespace UserMessages.Tests.Storage;

/// <summary>
/// The package reads its SQLite times by hand (<see cref="StoredTime"/>): every time SQLite keeps
/// must come back as the reader's own parse gives it, marked UTC, and text in another form must
/// still be read (or refused) as the reader reads it.
/// </summary>
public sealed class StoredTimeTests
{
    public static TheoryData<DateTime> Times =>
    [
        new DateTime(2026, 11, 26, 9, 48, 1, DateTimeKind.Utc),
        new DateTime(2026, 11, 26, 0, 0, 0, DateTimeKind.Utc),
        new DateTime(2026, 11, 26, 23, 59, 59, DateTimeKind.Utc).AddTicks(9_999_999),
        new DateTime(2024, 2, 29, 12, 30, 5, DateTimeKind.Utc).AddTicks(5_000_000),
        new DateTime(2026, 1, 1, 8, 0, 0, DateTimeKind.Utc).AddTicks(120),
        new DateTime(2026, 1, 1, 8, 0, 0, DateTimeKind.Utc).AddTicks(1),
        DateTime.SpecifyKind(DateTime.MinValue, DateTimeKind.Utc),
        DateTime.SpecifyKind(DateTime.MaxValue, DateTimeKind.Utc),
    ];

    [Theory]
    [MemberData(nameof(Times))]
    public async Task ATimeBoundBySqlite_IsReadBackExactly_AsUtc(DateTime time)
    {
        await using var connection = await OpenAsync();
        await InsertAsync(connection, time);

        var (read, parsed) = await ReadAsync(connection);

        Assert.Equal(time, read);
        Assert.Equal(DateTimeKind.Utc, read.Kind);
        Assert.Equal(parsed, read);
    }

    [Theory]
    [InlineData("2026-11-26 09:48:01")]
    [InlineData("2026-11-26 09:48:01.5")]
    [InlineData("2026-11-26 09:48:01.1234567")]
    [InlineData("2026-11-26T09:48:01")]
    [InlineData("2026-11-26 09:48:01Z")]
    [InlineData("2026-11-26 09:48")]
    [InlineData("2026-11-26")]
    [InlineData("2026-11-26 09:48:01.")]
    [InlineData("2026-11-26 09:48:01.12345678")]
    public async Task TextInAnyForm_IsReadAsTheReaderReadsIt(string text)
    {
        await using var connection = await OpenAsync();
        await InsertAsync(connection, text);

        var (read, parsed) = await ReadAsync(connection);

        Assert.Equal(DateTime.SpecifyKind(parsed, DateTimeKind.Utc), read);
        Assert.Equal(DateTimeKind.Utc, read.Kind);
    }

    [Theory]
    [InlineData("2026-13-01 00:00:00")]
    [InlineData("2026-02-30 00:00:00")]
    [InlineData("2026-11-26 24:00:00")]
    [InlineData("2026-11-26 09:60:00")]
    [InlineData("not a time at all !")]
    public async Task TextThatIsNoTime_IsRefusedAsTheReaderRefusesIt(string text)
    {
        await using var connection = await OpenAsync();
        await InsertAsync(connection, text);
        await using var reader = await FirstRowAsync(connection);

        Assert.False(StoredTime.TryParse(text, out _));
        Assert.Throws<FormatException>(() => StoredTime.ReadUtc(reader, 0));
    }

    [Fact]
    public void TheFormThatIsReadByHand_IsTheOneSqliteWrites()
    {
        var time = new DateTime(2026, 11, 26, 9, 48, 1, DateTimeKind.Utc).AddTicks(1_230_000);

        Assert.True(StoredTime.TryParse(time.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF", CultureInfo.InvariantCulture), out var read));
        Assert.Equal(time, read);
    }

    private static async Task<SqliteConnection> OpenAsync()
    {
        var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        await using var create = connection.CreateCommand();
        create.CommandText = "CREATE TABLE t (at TEXT)";
        await create.ExecuteNonQueryAsync();
        return connection;
    }

    /// <summary>Stores <paramref name="value"/> (a time, bound as SQLite binds it, or text as it is).</summary>
    private static async Task InsertAsync(SqliteConnection connection, object value)
    {
        await using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO t (at) VALUES ($at)";
        insert.Parameters.AddWithValue("$at", value);
        await insert.ExecuteNonQueryAsync();
    }

    /// <summary>A reader on the stored value's row (disposing the command would close it; the connection's disposal does).</summary>
    private static async Task<SqliteDataReader> FirstRowAsync(SqliteConnection connection)
    {
        var select = connection.CreateCommand();
        select.CommandText = "SELECT at FROM t";
        var reader = await select.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return reader;
    }

    /// <summary>The time read by <see cref="StoredTime"/>, and as the reader's own <c>GetDateTime</c> reads it.</summary>
    private static async Task<(DateTime Read, DateTime Parsed)> ReadAsync(SqliteConnection connection)
    {
        await using var reader = await FirstRowAsync(connection);
        return (StoredTime.ReadUtc(reader, 0), reader.GetDateTime(0));
    }
}
