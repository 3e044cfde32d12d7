using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using UserMessages.BrowserTests.Infrastructure;
using UserMessages.HostTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace UserMessages.HostTests;

/// <summary>
/// Issue 20: the README's Blazor steps in the site <c>dotnet new blazor --auth Individual</c> makes, with the
/// freshly packed package: our pages inside the template's MainLayout, the badge component in its NavMenu,
/// over HTTP and then in Chromium with Blazor's enhanced navigation (skipped without Chromium, except in CI).
/// </summary>
[Collection(HostsCollection.Name)]
public sealed partial class BlazorAppHostTests(PackageFeed feed)
{
    private const string Subject = "Lunch on Friday?";
    private const string NewSubject = "Tickets for Saturday";

    [SkippableFact]
    public async Task TheReadmesBlazorSteps_PutTheInboxInTheTemplatesLayout_WithTheBadgeInItsNavMenu()
    {
        var site = await TemplateSite.CreateAsync(feed, "blazor", "blazor --auth Individual");
        foreach (var step in TemplateSite.StepsOfItsOwn("blazor"))
        {
            await site.ApplyAsync(step);
        }

        // The README's view-copy step ran too: the copy is restyled as in a Razor Pages site, and must win here as well.
        await site.EditAsync(Path.Combine("Areas", "UserMessages", "Views", "Shared", "_ThreadRow.cshtml"), "<li class=\"um-thread", "<li data-host-override=\"thread-row\" class=\"um-thread");
        await site.BuildAsync();
        await using var running = await site.StartAsync();
        using var alice = running.NewVisitor("alice@example.com");
        using var bob = running.NewVisitor("bob@example.com");
        foreach (var visitor in new[] { alice, bob })
        {
            await RegisterAndSignInAsync(visitor);
        }

        var sent = await SendAsync(alice, bob, Subject, "Shall we try the new place?");
        var alicesThread = await alice.Browser.FollowRedirectAsync(sent);
        Assert.Equal(HttpStatusCode.OK, alicesThread.Status);
        await Conversation.AcceptRequestsAsync(bob, "/messages", expected: 1);

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
        Assert.NotNull(inbox.Find("#um-thread-list li[data-host-override='thread-row']"));
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

        await ClickThroughWithEnhancedNavigationAsync(alice, bob);
    }

    /// <summary>
    /// Issue 20, item 5, in Chromium: Bob goes from the template's home page to our inbox, a thread and back through
    /// its nav menu by Blazor's enhanced navigation, with live updates, a reply and axe on our pages on the way.
    /// </summary>
    private static async Task ClickThroughWithEnhancedNavigationAsync(Visitor alice, Visitor bob)
    {
        await using var window = await BrowserWindow.OpenAsync(bob);
        await ExpectOurScriptsAfterAClickBeforeBlazorHasStartedAsync(await window.NewTabAsync());
        var page = window.Page;
        await page.GotoAsync("/", new() { WaitUntil = WaitUntilState.NetworkIdle });
        await Expect(page.Locator("main article.content h1")).ToHaveTextAsync("Hello, world!");
        await MarkTheDocumentAsync(page);

        // The badge link of the template's nav menu, followed by enhanced navigation: our inbox in its layout, same document.
        await page.Locator(".sidebar nav #um-unread-badge").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Uri(bob.Site, "/messages").ToString());
        await Expect(page.Locator("main article.content #um-thread-list")).ToBeVisibleAsync();
        await Expect(page).ToHaveTitleAsync("Inbox");
        await ExpectTheSameDocumentAsync(page, "the inbox");
        await ExpectNoSeriousViolationsAsync(page);

        // Our scripts run on a page that came by enhanced navigation: a new conversation and the badge arrive live.
        await Expect(page.Locator("#user-messages")).ToHaveAttributeAsync("data-um-live", "connected");
        await SendAsync(alice, bob, NewSubject, "I have two for the concert.");
        var row = page.Locator("#um-thread-list li.um-thread").First;
        await Expect(row.Locator(".um-thread__subject")).ToContainTextAsync(NewSubject);
        await Expect(row).ToHaveAttributeAsync("data-um-unread", "true");
        await Expect(page.Locator(".sidebar nav #um-unread-badge")).ToHaveAttributeAsync("data-um-unread-count", "1");
        await ExpectTheSameDocumentAsync(page, "the inbox after the live update");

        // Its link, then the reply form: a plain post and redirect, which Blazor leaves alone.
        await row.Locator("a.um-thread__link").ClickAsync();
        await Expect(page).ToHaveURLAsync(ThreadUrl());
        await Expect(page.Locator("main article.content #um-messages .um-message__content")).ToHaveTextAsync(["I have two for the concert."]);
        await Expect(page).ToHaveTitleAsync(NewSubject);
        await ExpectTheSameDocumentAsync(page, "the thread");
        await ExpectNoSeriousViolationsAsync(page);
        await page.Locator("#um-reply-content").FillAsync("Count me in.");
        await page.Locator("#um-reply-send").ClickAsync();
        await Expect(page).ToHaveURLAsync(ThreadUrl());
        await Expect(page.Locator("main article.content #um-messages .um-message__content")).ToHaveTextAsync(["I have two for the concert.", "Count me in."]);
        await Expect(page.Locator("#user-messages")).ToHaveAttributeAsync("data-um-live", "connected");

        // Back through the template's nav from a document our page loaded (under our policy): its interactive Counter, then Home.
        await MarkTheDocumentAsync(page);
        await page.Locator(".sidebar nav a[href='counter']").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Uri(bob.Site, "/counter").ToString());
        await Expect(page.Locator("main article.content h1")).ToHaveTextAsync("Counter");
        await ExpectTheSameDocumentAsync(page, "the counter");
        await ExpectInteractiveAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Home", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Uri(bob.Site, "/").ToString());
        await Expect(page.Locator("main article.content h1")).ToHaveTextAsync("Hello, world!");
        await ExpectTheSameDocumentAsync(page, "the home page");

        Assert.True(window.Problems.Count == 0, "console or script errors:\n" + string.Join('\n', window.Problems));
    }

    /// <summary>
    /// A click on the badge link before Blazor has started (our JS initializer held back until the inbox shows)
    /// is an enhanced navigation all the same: our scripts must still run on the inbox it brings.
    /// </summary>
    private static async Task ExpectOurScriptsAfterAClickBeforeBlazorHasStartedAsync(IPage tab)
    {
        var inboxShown = new TaskCompletionSource();
        await tab.RouteAsync("**/_content/UserMessages/*.lib.module.js", async route =>
        {
            await inboxShown.Task;
            await route.ContinueAsync();
        });
        await tab.GotoAsync("/");
        await MarkTheDocumentAsync(tab);
        await tab.Locator(".sidebar nav #um-unread-badge").ClickAsync();
        await Expect(tab.Locator("main article.content #um-thread-list")).ToBeVisibleAsync();
        await ExpectTheSameDocumentAsync(tab, "the inbox after a quick click");
        inboxShown.SetResult();
        await Expect(tab.Locator("#user-messages")).ToHaveAttributeAsync("data-um-live", "connected");
        await tab.CloseAsync();
    }

    /// <summary>Writes to <paramref name="to"/> through the compose form of <paramref name="from"/>; returns the redirect to the new thread.</summary>
    private static async Task<HttpResponseMessage> SendAsync(Visitor from, Visitor to, string subject, string content)
    {
        var compose = await from.GetPageAsync("/messages/create");
        return await from.Browser.SubmitFormAsync(compose, "#um-compose-form", new Dictionary<string, string>
        {
            ["To"] = to.Email,
            ["Subject"] = subject,
            ["Content"] = content,
        });
    }

    /// <summary>Marks the document, so that a full page load (which would drop the mark) shows.</summary>
    private static Task MarkTheDocumentAsync(IPage page) => page.EvaluateAsync("() => { window.__sameDocument = true; }");

    private static async Task ExpectTheSameDocumentAsync(IPage page, string what)
        => Assert.True(await page.EvaluateAsync<bool>("() => window.__sameDocument === true"), $"{what} was a full page load, not Blazor's enhanced navigation");

    private static async Task ExpectNoSeriousViolationsAsync(IPage page)
    {
        var violations = await page.SeriousViolationsAsync();
        Assert.True(violations.Count == 0, "axe:\n" + string.Join('\n', violations));
    }

    /// <summary>The counter counts once Blazor's circuit (its websocket) is up, which may take a moment after the page shows: click until it does.</summary>
    private static async Task ExpectInteractiveAsync(IPage page)
    {
        var status = page.Locator("main article.content [role=status]");
        for (var attempt = 0; attempt < 50 && await status.TextContentAsync() == "Current count: 0"; attempt++)
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Click me" }).ClickAsync();
            await Task.Delay(200);
        }

        await Expect(status).Not.ToHaveTextAsync("Current count: 0");
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

    [GeneratedRegex(@"/messages/thread/\d+(#.*)?$")]
    private static partial Regex ThreadUrl();
}
