using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using UserMessages.Domain;
using UserMessages.Storage;
using UserMessages.Store;
using UserMessages.Tests.Infrastructure;

namespace UserMessages.Tests.Storage;

/// <summary>
/// Issue 20, item 8: a host's own context that calls <c>modelBuilder.UseUserMessages(this)</c> gets the table
/// prefix and schema of <c>AddUserMessages(o => o.Store...)</c>, as the Identity contexts do; one that calls
/// <c>UseUserMessages()</c> without them is told at start-up, rather than silently keeping the default names.
/// </summary>
public sealed class StoreOptionsInHostContextTests
{
    [Fact]
    public async Task AHostContextCallingUseUserMessagesWithItself_NamesItsTablesAsTheOptionsSay()
    {
        await using var host = await new TestHostBuilder().ConfigureOptions(o => o.Store.TablePrefix = "Chat").CaptureLogs().StartAsync<ContextUsingTheOptions>();
        await using var scope = host.Services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<ContextUsingTheOptions>();

        Assert.Equal("ChatThreads", context.Model.FindEntityType(typeof(MessageThread))!.GetTableName());
        Assert.Equal("ChatMessages", context.Model.FindEntityType(typeof(Message))!.GetTableName());
        await StartAsync(host.Services);
        Assert.DoesNotContain(host.Logs.Entries, e => e.Level == LogLevel.Warning);
    }

    [Fact]
    public async Task AHostContextCallingUseUserMessagesWithoutTheOptions_IsToldAtStartUp()
    {
        await using var host = await new TestHostBuilder().ConfigureOptions(o => o.Store.TablePrefix = "Chat").CaptureLogs().StartAsync<ContextWithoutTheOptions>();

        await StartAsync(host.Services);

        var warning = Assert.Single(host.Logs.Entries, e => e.Level == LogLevel.Warning);
        Assert.Contains("ContextWithoutTheOptions's model keeps the UserMessages tables under their default names (UserMessagesThreads), not as UserMessagesOptions.Store says (ChatThreads)", warning.Message, StringComparison.Ordinal);
        Assert.Contains("modelBuilder.UseUserMessages(this)", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AHostContextGivingTheModelOptionsOfItsOwn_IsLeftAlone()
    {
        await using var host = await new TestHostBuilder().CaptureLogs().StartAsync<HostDbContext>();

        await StartAsync(host.Services);

        Assert.DoesNotContain(host.Logs.Entries, e => e.Level == LogLevel.Warning);
    }

    /// <summary>Runs the start-up step that chooses the store, as the app's host would when it starts.</summary>
    private static Task StartAsync(IServiceProvider services)
        => services.GetServices<IHostedService>().OfType<StoreChoiceAtStartup>().Single().StartAsync(CancellationToken.None);

    public sealed class ContextUsingTheOptions(DbContextOptions<ContextUsingTheOptions> options) : MessagesOnlyContext(options)
    {
        protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.UseUserMessages(this);
    }

    public sealed class ContextWithoutTheOptions(DbContextOptions<ContextWithoutTheOptions> options) : MessagesOnlyContext(options)
    {
        protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.UseUserMessages();
    }
}
