using System.Net;
using System.Text.RegularExpressions;
using UserMessages.HostTests.Infrastructure;

namespace UserMessages.HostTests;

/// <summary>
/// Issue 17: from an empty folder to a working, restyled inbox exactly as the README says, in the
/// site <c>dotnet new webapp --auth Individual</c> makes, with the freshly packed package.
/// </summary>
[Collection(HostsCollection.Name)]
public sealed partial class WebAppHostTests(PackageFeed feed)
{
    private const string OverrideMarker = "data-host-override=\"thread-row\"";

    [Fact]
    public async Task TheReadmesSteps_TurnTheTemplateSiteIntoAWorkingRestyledInbox_AtAPrefixOfItsChoice()
    {
        var site = await TemplateSite.CreateAsync(feed, "webapp", "webapp --auth Individual");
        var templateReferences = await PackageReferencesAsync(site);
        var steps = TemplateSite.StepsFor(variant: null);
        foreach (var step in steps.Where(s => !TemplateSite.IsMigration(s)))
        {
            await site.ApplyAsync(step);
        }

        Assert.All(templateReferences, reference => Assert.Contains(reference, File.ReadAllText(Path.Combine(site.Folder, "MyApp.csproj")), StringComparison.Ordinal));
        await site.EditAsync("Program.cs", "app.MapUserMessages(\"/messages\");", "app.MapUserMessages(\"/inbox\");");
        await RestyleTheThreadRowCopyAsync(site);
        await site.AddCompileChecksAsync(ReadmeSnippets.All.Where(s => s.Kind == SnippetKind.Compile));
        await site.BuildAsync();

        using var alice = await BeforeTheMigrationAsync(site);

        await site.ApplyAsync(steps.Single(TemplateSite.IsMigration));
        await using var running = await site.StartAsync();
        using var signedOut = running.NewVisitor(alice.Email);
        await Conversation.HoldAsync(running, "/inbox", alice: signedOut, registerAlice: false, OverrideMarker, Path.Combine(RepositoryRoot.Path, "docs", "screenshots", "webapp-navbar.png"));
    }

    [Fact]
    public async Task TheReadmesSteps_WorkForIdentityUsersWithGuidKeys()
    {
        var site = await TemplateSite.CreateAsync(feed, "webapp-guid", "webapp --auth Individual");

        // The site's own move to Guid keys, before it adds messaging: its user type and a fresh first migration.
        await site.EditAsync("Program.cs", "AddDefaultIdentity<IdentityUser>", "AddDefaultIdentity<IdentityUser<Guid>>");
        await site.EditAsync(Path.Combine("Pages", "Shared", "_LoginPartial.cshtml"), "SignInManager<IdentityUser>", "SignInManager<IdentityUser<Guid>>");
        await site.EditAsync(Path.Combine("Pages", "Shared", "_LoginPartial.cshtml"), "UserManager<IdentityUser>", "UserManager<IdentityUser<Guid>>");
        Directory.Delete(Path.Combine(site.Folder, "Data", "Migrations"), recursive: true);
        File.Delete(Path.Combine(site.Folder, "app.db"));

        foreach (var step in TemplateSite.StepsFor("guid"))
        {
            await site.ApplyAsync(step);
        }

        await site.EditAsync("Program.cs", "app.MapUserMessages(\"/messages\");", "app.MapUserMessages(\"/conversations\");");
        await RestyleTheThreadRowCopyAsync(site);
        await site.BuildAsync();

        await using var running = await site.StartAsync();
        var aliceId = await Conversation.HoldAsync(running, "/conversations", alice: running.NewVisitor("alice@example.com"), registerAlice: true, OverrideMarker);
        Assert.Matches(GuidId(), aliceId);
    }

    [Fact]
    public void EveryCodeSnippetOfTheReadme_IsMarkedForTheseTests()
    {
        var unmarked = ReadmeSnippets.Blocks(File.ReadAllText(ReadmeSnippets.ReadmePath))
            .Where(b => b.Language is "csharp" or "cshtml" or "razor" && !b.Marked)
            .Select(b => $"README line {b.Line}")
            .ToList();

        Assert.Empty(unmarked);
        Assert.Contains(ReadmeSnippets.All, s => s.Kind == SnippetKind.Compile);
    }

    /// <summary>
    /// Until the migration is applied: the site's own page answers without the badge (one warning in the
    /// log), and a messaging page names the missing tables and the commands. Returns Alice, registered.
    /// </summary>
    private static async Task<Visitor> BeforeTheMigrationAsync(TemplateSite site)
    {
        await using var unmigrated = await site.StartAsync();
        var alice = unmigrated.NewVisitor("alice@example.com");
        await alice.RegisterAsync();
        await alice.SignInAsync();

        var home = await alice.GetPageAsync("/");
        var again = await alice.GetPageAsync("/");
        var inbox = await alice.Browser.Http.GetAsync("/inbox");
        var problem = await inbox.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, home.Status);
        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Null(home.Find("#um-unread-badge"));
        Assert.Equal(HttpStatusCode.InternalServerError, inbox.StatusCode);
        Assert.Contains("UserMessagesThreads", problem, StringComparison.Ordinal);
        Assert.Contains("dotnet ef database update", problem, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(unmigrated.Output, "The unread badge renders nothing"));
        return alice;
    }

    /// <summary>Copies the thread row with the README's command (a step) and marks the copy, as a developer restyling it would.</summary>
    private static async Task RestyleTheThreadRowCopyAsync(TemplateSite site)
    {
        Assert.True(File.Exists(Path.Combine(site.Folder, "Areas", "UserMessages", "Views", "_ViewImports.cshtml")));
        await site.EditAsync(Path.Combine("Areas", "UserMessages", "Views", "Shared", "_ThreadRow.cshtml"), "<li class=\"um-thread", $"<li {OverrideMarker} class=\"um-thread");
    }

    private static async Task<List<string>> PackageReferencesAsync(TemplateSite site)
        => (await File.ReadAllLinesAsync(Path.Combine(site.Folder, "MyApp.csproj"))).Where(l => l.Contains("<PackageReference", StringComparison.Ordinal)).Select(l => l.Trim()).ToList();

    [GeneratedRegex("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")]
    private static partial Regex GuidId();
}
