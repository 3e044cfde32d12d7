using System.Data.Common;

namespace UserMessages.Store;

/// <summary>Runs a write again when the database ended it as a deadlock victim (and so rolled it back), up to five times in all.</summary>
internal static class DeadlockRetry
{
    private const int Attempts = 5;

    public static async Task<T> RunAsync<T>(Func<Task<T>> write, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await write();
            }
            catch (Exception e) when (attempt < Attempts && IsDeadlock(e))
            {
                await Task.Delay(Random.Shared.Next(5, 20 * attempt), cancellationToken);
            }
        }
    }

    /// <summary>
    /// Whether the database ended the statement or transaction to break a deadlock or a serialization conflict:
    /// SQLSTATE 40001 or PostgreSQL's 40P01, or the error number of MySQL and MariaDB (1213) or SQL Server (1205),
    /// whose clients do not all report the SQLSTATE.
    /// </summary>
    private static bool IsDeadlock(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is DbException { SqlState: "40001" or "40P01" }
                || (e is DbException && e.GetType().GetProperty("Number", typeof(int))?.GetValue(e) is 1213 or 1205))
            {
                return true;
            }
        }

        return false;
    }
}
