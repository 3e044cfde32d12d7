using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace UserMessages.Tests.Infrastructure;

/// <summary>
/// The host most tests use: Identity users (string keys) in <see cref="TestDbContext"/> on SQLite in memory,
/// a fake clock, and sending limits far above what the rule tests send.
/// </summary>
public sealed class MessagingHost : TestHost<TestDbContext>
{
    private MessagingHost(TestHost<TestDbContext> started)
        : base(started)
    {
    }

    /// <summary>A builder with this host's settings, for a test that needs more of it (captured logs, say).</summary>
    public static TestHostBuilder CreateBuilder()
        => new TestHostBuilder()
            .AddIdentity<IdentityUser, string>()
            .UseFakeClock()
            .ConfigureOptions(options =>
            {
                // The rule tests send and search far faster than people do; the limit tests set their own limits.
                options.Limits.MessagesPerMinute = 100_000;
                options.Limits.SearchesPerMinute = 100_000;
                options.Limits.MessagesPerDay = 1_000_000;
                options.Limits.NewThreadsPerDay = 1_000_000;
            });

    /// <summary>Builds the services and creates the database.</summary>
    /// <param name="configure">Changes to the messaging options.</param>
    /// <param name="configureServices">Extra registrations, made after AddUserMessages (so they may replace its services).</param>
    /// <param name="configureBuilder">Extra calls on the messaging builder (handlers, policies).</param>
    public static Task<MessagingHost> StartAsync(
        Action<UserMessagesOptions>? configure = null,
        Action<IServiceCollection>? configureServices = null,
        Action<UserMessagesBuilder>? configureBuilder = null)
        => StartAsync(CreateBuilder()
            .ConfigureOptions(options => configure?.Invoke(options))
            .ConfigureMessaging(builder => configureBuilder?.Invoke(builder))
            .ConfigureServices(services => configureServices?.Invoke(services)));

    /// <summary>Starts a host from <paramref name="builder"/>, one made by <see cref="CreateBuilder"/>.</summary>
    public static async Task<MessagingHost> StartAsync(TestHostBuilder builder) => new(await builder.StartAsync<TestDbContext>());
}
