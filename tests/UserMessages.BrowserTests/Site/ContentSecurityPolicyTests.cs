using Microsoft.Playwright;
using UserMessages.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace UserMessages.BrowserTests.Site;

/// <summary>Issue 18 §1: in a real browser, the pages' Content-Security-Policy refuses nothing the pages themselves need, live updates included.</summary>
public sealed class ContentSecurityPolicyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [SkippableFact]
    public async Task EveryPage_WorksUnderItsPolicy_WithoutASingleViolation()
    {
        var alice = await UserAsync("alice");
        var bob = await UserAsync("bob");
        var page = await SignedInAsync(alice);
        await page.AddInitScriptAsync("window.__cspViolations = []; document.addEventListener('securitypolicyviolation', e => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));");

        await page.GotoAsync("/messages/create");
        await page.Locator("#um-to").FillAsync(bob.UserName);
        await page.Locator("#um-subject").FillAsync("Policy");
        await page.Locator("#um-content").FillAsync("Does everything still work?");
        await page.Locator("#um-send").ClickAsync();
        await Expect(page.Locator("#user-messages")).ToHaveAttributeAsync("data-um-live", "connected");
        var threadUrl = page.Url;
        foreach (var path in new[] { "/messages", "/messages/sent", "/messages/blocked", "/messages/settings", threadUrl })
        {
            await page.GotoAsync(path);
            await Expect(page.Locator("#user-messages")).ToHaveAttributeAsync("data-um-live", "connected");
            var violations = await page.EvaluateAsync<string[]>("() => window.__cspViolations");
            Assert.True(violations.Length == 0, $"{path}: {string.Join(" | ", violations)}");
        }
    }
}
