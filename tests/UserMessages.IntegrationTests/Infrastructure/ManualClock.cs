using Microsoft.Extensions.DependencyInjection.Extensions;

namespace UserMessages.IntegrationTests.Infrastructure;

/// <summary>A clock that stands still until a test moves it, so time-based limits do not depend on how fast a test runs.</summary>
public sealed class ManualClock : TimeProvider
{
    private DateTimeOffset now = TimeProvider.System.GetUtcNow();

    public override DateTimeOffset GetUtcNow() => now;

    public void Advance(TimeSpan by) => now += by;

    /// <summary>
    /// Makes one clock the app's time, reached through <c>Services.GetRequiredService&lt;ManualClock&gt;()</c>. An app
    /// shared by several tests keeps it moved on by earlier tests: a test counts only from its own start.
    /// </summary>
    public static void Replace(IServiceCollection services)
    {
        services.RemoveAll<TimeProvider>();
        services.AddSingleton<ManualClock>();
        services.AddSingleton<TimeProvider>(provider => provider.GetRequiredService<ManualClock>());
    }
}
