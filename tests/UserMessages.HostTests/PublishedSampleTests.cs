using System.Net;
using UserMessages.HostTests.Infrastructure;

namespace UserMessages.HostTests;

/// <summary>
/// Issue 17 §10: the README's commands for running the sample on several instances (or in
/// Production) give a working site: published, started from its folder, serving the package's
/// scripts and styles and reading its own settings.
/// </summary>
[Collection(HostsCollection.Name)]
public sealed class PublishedSampleTests(PackageFeed feed)
{
    private const string ReadmeFolder = "/srv/usermessages/app";

    [Fact]
    public async Task TheSample_PublishedAndStartedAsTheReadmeSays_ServesThePackagesScriptsAndStyles()
    {
        var snippet = Assert.Single(ReadmeSnippets.All, s => s.Kind == SnippetKind.Published);
        var commands = TemplateSite.CommandLines(snippet.Code).ToList();
        var folder = Path.Combine(feed.WorkFolder, "published-sample");

        // The commands as written, in a folder of the test's; the lines that point the app at PostgreSQL
        // and Redis are left out (the several-instances tests cover those servers).
        var publish = Assert.Single(commands, c => c.StartsWith("dotnet publish ", StringComparison.Ordinal));
        await Command.RunAsync(publish.Replace(ReadmeFolder, folder, StringComparison.Ordinal), RepositoryRoot.Path);
        Assert.Contains($"cd {ReadmeFolder}", commands);
        var start = commands.First(c => c.StartsWith("dotnet UserMessages.Sample.dll ", StringComparison.Ordinal));
        Assert.StartsWith("dotnet UserMessages.Sample.dll --urls ", start, StringComparison.Ordinal);

        await using var site = await RunningSite.StartAsync("UserMessages.Sample.dll", folder, new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = null,
            ["DOTNET_ENVIRONMENT"] = null,
            ["Sample__DemoData"] = "true",
        });
        using var alice = site.NewVisitor("alice@example.com");
        await alice.SignInAsync(password: "Demo-pass-1");
        var inbox = await alice.GetPageAsync("/messages");
        Assert.Equal(HttpStatusCode.OK, inbox.Status);
        Assert.Contains("Lunch on Friday?", inbox.Html, StringComparison.Ordinal);

        var assets = inbox.Document.QuerySelectorAll("script[src], link[rel=stylesheet]")
            .Select(e => e.GetAttribute("src") ?? e.GetAttribute("href")!)
            .ToList();
        Assert.Contains(assets, a => a.Contains("/_content/UserMessages/usermessages", StringComparison.Ordinal) && a.EndsWith(".js", StringComparison.Ordinal));
        Assert.Contains(assets, a => a.Contains("/_content/UserMessages/lib/signalr/signalr", StringComparison.Ordinal));
        Assert.Contains(assets, a => a.Contains("/_content/UserMessages/usermessages", StringComparison.Ordinal) && a.EndsWith(".css", StringComparison.Ordinal));
        foreach (var asset in assets)
        {
            var response = await alice.Browser.Http.GetAsync(asset);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK && body.Length > 100, $"{asset}: {(int)response.StatusCode}, {body.Length} characters");
        }

        var script = assets.First(a => a.Contains("/_content/UserMessages/usermessages", StringComparison.Ordinal) && a.EndsWith(".js", StringComparison.Ordinal));
        Assert.Equal(
            await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Path, "src", "UserMessages", "wwwroot", "usermessages.js")),
            await alice.Browser.Http.GetStringAsync(script));

        // Its appsettings.json was read: Production logs no SQL statement and no request at Information.
        Assert.DoesNotContain("Executed DbCommand", site.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Request starting", site.Output, StringComparison.Ordinal);
    }
}
