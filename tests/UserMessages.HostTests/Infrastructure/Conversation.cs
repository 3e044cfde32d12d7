using System.Net;
using System.Text.RegularExpressions;

namespace UserMessages.HostTests.Infrastructure;

/// <summary>Two people of a host's site talk through the messaging pages, and what they see is checked as they would see it.</summary>
public static partial class Conversation
{
    /// <summary>
    /// Alice writes to Bob, Bob sees the badge in the site's navbar and the host's restyled row,
    /// replies, and Alice reads the reply. Returns Alice's user id as the pages give it; saves a
    /// picture of Bob's navbar to <paramref name="screenshot"/> when it is given.
    /// </summary>
    public static async Task<string> HoldAsync(RunningSite site, string prefix, Visitor alice, bool registerAlice, string overrideMarker, string? screenshot = null)
    {
        using var bob = site.NewVisitor("bob@example.com");
        if (registerAlice)
        {
            await alice.RegisterAsync();
        }

        await bob.RegisterAsync();
        await alice.SignInAsync();
        await bob.SignInAsync();

        var compose = await alice.GetPageAsync(prefix + "/create");
        var sent = await alice.Browser.SubmitFormAsync(compose, "#um-compose-form", new Dictionary<string, string>
        {
            ["To"] = bob.Email,
            ["Subject"] = "Lunch on Friday?",
            ["Content"] = "Shall we try the new place?",
        });
        var thread = await alice.Browser.FollowRedirectAsync(sent);
        Assert.Equal(HttpStatusCode.OK, thread.Status);
        var aliceId = thread.Single("script[data-um-user-id]").GetAttribute("data-um-user-id")!;

        // They have not written before: Alice's first message is a request, and Bob accepts it (message requests are on by default).
        Assert.Equal("0", (await bob.GetPageAsync("/")).Single("#um-unread-badge").GetAttribute("data-um-unread-count"));
        await AcceptRequestsAsync(bob, prefix, expected: 1);

        // The badge, in the template's own navbar, styled as its links are.
        var home = await bob.GetPageAsync("/");
        var badge = home.Single("nav .navbar-nav li.nav-item #um-unread-badge");
        Assert.Equal("1", badge.GetAttribute("data-um-unread-count"));
        Assert.Equal("nav-link text-dark", badge.ClassName);
        Assert.Equal(prefix, badge.GetAttribute("href"));
        Assert.Equal("badge rounded-pill text-bg-danger", badge.QuerySelector("[data-um-count]")!.ClassName);
        Assert.Equal("1", badge.QuerySelector("[data-um-count]")!.TextContent);

        // The inbox: the host's restyled row, English without a culture, the host's layout as on its own pages.
        var inbox = await bob.GetPageAsync(prefix);
        Assert.Equal(HttpStatusCode.OK, inbox.Status);
        var row = inbox.Single("#um-thread-list li.um-thread");
        Assert.Contains(overrideMarker, row.OuterHtml, StringComparison.Ordinal);
        Assert.Contains("Lunch on Friday?", row.TextContent, StringComparison.Ordinal);
        Assert.Equal("en", inbox.Single("#user-messages").GetAttribute("lang"));
        Assert.Matches(EnglishDate(), row.QuerySelector("time")!.TextContent);
        var importMap = home.Single("head script[type=importmap]").TextContent;
        Assert.Contains("\"imports\"", importMap, StringComparison.Ordinal);
        Assert.Equal(importMap, inbox.Single("head script[type=importmap]").TextContent);
        var importMapHash = Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(importMap)));
        Assert.Contains($"'sha256-{importMapHash}'", inbox.Response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal(home.HeadReferences, inbox.HeadReferences);
        Assert.Equal("MyApp", inbox.Single("nav .navbar-brand").TextContent.Trim());

        if (screenshot is not null)
        {
            await NavbarScreenshot.TakeAsync(bob, "header", screenshot);
        }

        // Bob replies; Alice reads it.
        var bobsThread = await bob.GetPageAsync(row.QuerySelector("a.um-thread__link")!.GetAttribute("href")!);
        var replied = await bob.Browser.SubmitFormAsync(bobsThread, "#um-reply-form", new Dictionary<string, string> { ["Content"] = "Yes, at noon." });
        Assert.Equal(HttpStatusCode.Redirect, replied.StatusCode);
        var alicesThread = await alice.GetPageAsync(sent.Headers.Location!.OriginalString);
        var messages = alicesThread.Document.QuerySelectorAll("[data-um-message-id] .um-message__content").Select(m => m.TextContent.Trim()).ToList();
        Assert.Equal(["Shall we try the new place?", "Yes, at noon."], messages);
        return aliceId;
    }

    /// <summary>
    /// Accepts every message request on the visitor's Requests page (<paramref name="expected"/> of them, as its count
    /// in the folder navigation says) with the page's bulk form, which leaves them unread.
    /// </summary>
    public static async Task AcceptRequestsAsync(Visitor visitor, string prefix, int expected)
    {
        var requests = await visitor.GetPageAsync(prefix + "/requests");
        Assert.Equal(expected.ToString(System.Globalization.CultureInfo.InvariantCulture), requests.Single("#um-requests-count [aria-hidden]").TextContent);
        var ids = requests.Document.QuerySelectorAll("#um-thread-list li.um-thread").Select(row => row.GetAttribute("data-um-thread-id")!).ToList();
        Assert.Equal(expected, ids.Count);
        var form = requests.Single("#um-bulk-form");
        var fields = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!),
            new("action", "Accept"),
        };
        fields.AddRange(ids.Select(id => new KeyValuePair<string, string>("ids", id)));
        var accepted = await visitor.Browser.PostFormAsync(form.GetAttribute("action")!, fields);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
    }

    [GeneratedRegex(@"^\d{1,2}/\d{1,2}/\d{4} \d{1,2}:\d{2}\s[AP]M UTC$")]
    private static partial Regex EnglishDate();
}
