namespace UserMessages.IntegrationTests.Infrastructure;

/// <summary>
/// One sample app for all the tests of a class (an xunit class fixture): started by the class's first
/// test, with that class's services, and disposed by xunit after the class's last test.
/// </summary>
public sealed class SharedApp : IAsyncLifetime
{
    private MessagesFactory? app;

    /// <summary>The class's app; the first call makes it with <paramref name="create"/> (xunit runs the tests of a class one at a time).</summary>
    public MessagesFactory GetOrCreate(Func<MessagesFactory> create) => app ??= create();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }
}
