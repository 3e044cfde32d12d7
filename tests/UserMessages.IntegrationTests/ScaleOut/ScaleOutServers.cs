namespace UserMessages.IntegrationTests.ScaleOut;

/// <summary>
/// The PostgreSQL and Redis servers the several-instances tests need (./test.sh starts both). Without
/// them the tests are skipped with the reason, except in CI, where a missing server is a failure.
/// </summary>
public static class ScaleOutServers
{
    public static (string Postgres, string Redis) Require()
    {
        var postgres = Environment.GetEnvironmentVariable("USERMESSAGES_POSTGRES");
        var redis = Environment.GetEnvironmentVariable("USERMESSAGES_REDIS");
        if (!string.IsNullOrEmpty(postgres) && !string.IsNullOrEmpty(redis))
        {
            return (postgres, redis);
        }

        const string Reason = "skipped: set USERMESSAGES_POSTGRES=\"Host=...;Username=...\" and USERMESSAGES_REDIS=\"127.0.0.1:6379\" (./test.sh starts both)";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException("CI must run the several-instances tests, but a server is missing: " + Reason);
        }

        Skip.If(true, Reason);
        throw new InvalidOperationException("unreachable");
    }
}
