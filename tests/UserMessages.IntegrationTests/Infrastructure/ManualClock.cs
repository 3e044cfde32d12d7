namespace UserMessages.IntegrationTests.Infrastructure;

/// <summary>A clock that stands still until a test moves it, so time-based limits do not depend on how fast a test runs.</summary>
public sealed class ManualClock : TimeProvider
{
    private DateTimeOffset now = TimeProvider.System.GetUtcNow();

    public override DateTimeOffset GetUtcNow() => now;

    public void Advance(TimeSpan by) => now += by;
}
