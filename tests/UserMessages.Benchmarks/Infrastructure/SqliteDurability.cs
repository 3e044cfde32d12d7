using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace UserMessages.Benchmarks.Infrastructure;

/// <summary>
/// <c>synchronous = NORMAL</c> on every connection, library and baseline alike: with the write-ahead
/// log a commit then waits for no disk flush, so writes measure the work of the code, not the
/// (shared, noisy) disk. It is the setting commonly recommended for SQLite sites in WAL mode. No
/// automatic checkpoints either (<c>wal_autocheckpoint = 0</c>): a checkpoint flushes the disk, and
/// one falling every hundred or so writes, inside one iteration or another, put ± 100 µs of error on
/// the write benchmarks' means. <see cref="SeededState.RestoreAsync"/> checkpoints between iterations.
/// </summary>
public sealed class SqliteDurability : DbConnectionInterceptor
{
    private const string Pragma = "PRAGMA synchronous = NORMAL; PRAGMA wal_autocheckpoint = 0";

    public static async Task ApplyAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        => ApplyAsync(connection, cancellationToken);
}
