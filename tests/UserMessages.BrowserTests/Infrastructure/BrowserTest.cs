using Microsoft.Playwright;

namespace UserMessages.BrowserTests.Infrastructure;

/// <summary>
/// A browser test: the shared site and browser, and private windows of its own that are closed
/// afterwards. A script error on any of its pages fails the test.
/// </summary>
[Collection(BrowserCollection.Name)]
public abstract class BrowserTest(BrowserFixture fixture) : IAsyncLifetime
{
    private readonly List<IBrowserContext> contexts = [];
    private readonly List<string> scriptErrors = [];

    protected SampleSite Site => fixture.Site;

    /// <summary>Starts the site and the browser; skips the test when there is no browser (fails it in CI).</summary>
    protected Task RequireBrowserAsync() => fixture.RequireBrowserAsync();

    /// <summary>A new user with a unique name starting with <paramref name="name"/> (skips the test when there is no browser).</summary>
    protected async Task<SiteUser> UserAsync(string name)
    {
        await fixture.RequireBrowserAsync();
        return await Site.CreateUserAsync(name);
    }

    /// <summary>A page in a new private window (English, UTC, 1280 px wide unless <paramref name="options"/> say otherwise).</summary>
    protected async Task<IPage> NewPageAsync(BrowserNewContextOptions? options = null)
    {
        var context = await fixture.NewContextAsync(options);
        contexts.Add(context);
        var page = await context.NewPageAsync();
        page.PageError += (_, error) => scriptErrors.Add($"{page.Url}: {error}");
        return page;
    }

    /// <summary>A page in a new private window where <paramref name="user"/> has logged in.</summary>
    protected async Task<IPage> SignedInAsync(SiteUser user, BrowserNewContextOptions? options = null)
    {
        var page = await NewPageAsync(options);
        await page.LogInAsync(user);
        return page;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var context in contexts)
        {
            await context.CloseAsync();
        }

        Assert.True(scriptErrors.Count == 0, "script errors: " + string.Join(Environment.NewLine, scriptErrors));
    }
}
