using System.Net;
using UserMessages.HostTests.Infrastructure;

namespace UserMessages.HostTests;

/// <summary>
/// Issue 20: the README's Blazor steps in the site <c>dotnet new blazor --auth Individual</c> makes, with the
/// freshly packed package: our pages inside the template's MainLayout, the badge component in its NavMenu.
/// </summary>
[Collection(HostsCollection.Name)]
public sealed class BlazorAppHostTests(PackageFeed feed)
{
    private const string Subject = "Lunch on Friday?";

    [Fact]
    public async Task TheReadmesBlazorSteps_PutTheInboxInTheTemplatesLayout_WithTheBadgeInItsNavMenu()
    {
        var site = await TemplateSite.CreateAsync(feed, "blazor", "blazor --auth Individual");
        foreach (var step in TemplateSite.StepsOfItsOwn("blazor"))
        {
            await site.ApplyAsync(step);
        }

        await site.BuildAsync();
        await using var running = await site.StartAsync();
        using var alice = running.NewVisitor("alice@example.com");
        using var bob = running.NewVisitor("bob@example.com");
        foreach (var visitor in new[] { alice, bob })
        {
            await RegisterAndSignInAsync(visitor);
        }

        var compose = await alice.GetPageAsync("/messages/create");
        var sent = await alice.Browser.SubmitFormAsync(compose, "#um-compose-form", new Dictionary<string, string>
        {
            ["To"] = bob.Email,
            ["Subject"] = Subject,
            ["Content"] = "Shall we try the new place?",
        });
        var alicesThread = await alice.Browser.FollowRedirectAsync(sent);
        Assert.Equal(HttpStatusCode.OK, alicesThread.Status);

        // The badge component in the template's nav menu, on the site's own home page and on ours.
        var home = await bob.GetPageAsync("/");
        Assert.Equal("1", home.Single(".sidebar nav .nav-item #um-unread-badge").GetAttribute("data-um-unread-count"));
        var inbox = await bob.GetPageAsync("/messages");
        Assert.Equal(HttpStatusCode.OK, inbox.Status);
        var badge = inbox.Single(".sidebar nav .nav-item #um-unread-badge");
        Assert.Equal("nav-link", badge.ClassName);
        Assert.Equal("1", badge.QuerySelector("[data-um-count]")!.TextContent);

        // Our inbox in the template's layout: its brand, its nav links, our list in its content area, our title in its head.
        Assert.Equal("MyApp", inbox.Single(".sidebar .navbar-brand").TextContent.Trim());
        Assert.NotNull(inbox.Document.QuerySelector(".sidebar nav a[href='counter']"));
        Assert.Contains(Subject, inbox.Single("main article.content #um-thread-list").TextContent, StringComparison.Ordinal);
        Assert.Equal("Inbox", inbox.Document.Title);
        Assert.Equal(home.HeadReferences, inbox.HeadReferences);

        await NavbarScreenshot.TakeAsync(bob, "body", Path.Combine(RepositoryRoot.Path, "docs", "screenshots", "blazor-inbox.png"), "/messages");

        // Bob replies; Alice reads it.
        var bobsThread = await bob.GetPageAsync(inbox.Single("#um-thread-list a.um-thread__link").GetAttribute("href")!);
        Assert.NotNull(bobsThread.Document.QuerySelector(".sidebar nav"));
        var replied = await bob.Browser.SubmitFormAsync(bobsThread, "#um-reply-form", new Dictionary<string, string> { ["Content"] = "Yes, at noon." });
        Assert.Equal(HttpStatusCode.Redirect, replied.StatusCode);
        var read = await alice.GetPageAsync(sent.Headers.Location!.OriginalString);
        var messages = read.Document.QuerySelectorAll("[data-um-message-id] .um-message__content").Select(m => m.TextContent.Trim()).ToList();
        Assert.Equal(["Shall we try the new place?", "Yes, at noon."], messages);
    }

    /// <summary>Registers through the template's account pages, follows the confirmation link they show in development, and signs in.</summary>
    private static async Task RegisterAndSignInAsync(Visitor visitor)
    {
        var register = await visitor.GetPageAsync("/Account/Register");
        var registered = await visitor.Browser.SubmitFormAsync(register, "form[method=post]", new Dictionary<string, string>
        {
            ["Input.Email"] = visitor.Email,
            ["Input.Password"] = Visitor.Password,
            ["Input.ConfirmPassword"] = Visitor.Password,
        });
        var confirmation = await visitor.Browser.FollowRedirectAsync(registered);
        var link = confirmation.Single("a[href*='ConfirmEmail']").GetAttribute("href")!;
        var confirmed = await visitor.GetPageAsync(WebUtility.HtmlDecode(link));
        Assert.Equal(HttpStatusCode.OK, confirmed.Status);

        var login = await visitor.GetPageAsync("/Account/Login");
        var signedIn = await visitor.Browser.SubmitFormAsync(login, "form[method=post]", new Dictionary<string, string>
        {
            ["Input.Email"] = visitor.Email,
            ["Input.Password"] = Visitor.Password,
        });
        Assert.True(signedIn.StatusCode == HttpStatusCode.Redirect, $"Signing in as {visitor.Email} failed ({(int)signedIn.StatusCode}):\n{await signedIn.Content.ReadAsStringAsync()}");
    }
}
