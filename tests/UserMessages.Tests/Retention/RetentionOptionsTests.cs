using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using UserMessages.Tests.Infrastructure;

namespace UserMessages.Tests.Retention;

/// <summary>Issue 3 §10: the purge is off by default, and a purge interval that is not positive stops the app, naming the option.</summary>
public sealed class RetentionOptionsTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(-60)]
    public void NonPositiveInterval_IsRejected_NamingRetentionInterval(int seconds)
    {
        using var services = new TestHostBuilder().ConfigureOptions(o => o.Retention.Interval = TimeSpan.FromSeconds(seconds)).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<UserMessagesOptions>>().Value);

        Assert.Contains("Retention.Interval", Assert.Single(error.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public void Retention_IsOffByDefault_PurgingAfter30Days_Hourly()
    {
        using var services = new TestHostBuilder().BuildServiceProvider();

        var retention = services.GetRequiredService<IOptions<UserMessagesOptions>>().Value.Retention;

        Assert.False(retention.Enabled);
        Assert.Equal(TimeSpan.FromDays(30), retention.PurgeAfter);
        Assert.Equal(TimeSpan.FromHours(1), retention.Interval);
    }
}
