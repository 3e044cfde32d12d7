using System.Globalization;
using System.Net;
using System.Text.Json;

namespace UserMessages.IntegrationTests.Infrastructure;

/// <summary>The mailbox features as a user reaches them through the pages, each step checked to work as a browser sees it.</summary>
public static class MailboxSteps
{
    /// <summary>Opens the thread page and presses one of its buttons (<c>#um-archive</c>, <c>#um-mark-unread</c>, <c>#um-leave</c>...).</summary>
    public static async Task<HttpResponseMessage> PressThreadButtonAsync(this BrowserClient browser, long threadId, string buttonId)
    {
        var thread = await browser.GetPageAsync(Paths.Thread(threadId));
        Assert.Equal(HttpStatusCode.OK, thread.Status);
        return await browser.PressAsync(thread, "#" + buttonId);
    }

    /// <summary>Types a query into the search form of the inbox and submits it.</summary>
    public static async Task<HtmlPage> SearchAsync(this BrowserClient browser, string query)
    {
        var inbox = await browser.GetPageAsync(Paths.Inbox);
        return await browser.SubmitGetFormAsync(inbox, "#um-search-form", new Dictionary<string, string> { ["q"] = query });
    }

    /// <summary>Types a name into the form of the blocked-users page and presses Block; returns the response.</summary>
    public static async Task<HttpResponseMessage> BlockByNameAsync(this BrowserClient browser, string name)
    {
        var page = await browser.GetPageAsync(MailboxPaths.Blocked);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        return await browser.SubmitFormAsync(page, "#um-block-form", new Dictionary<string, string> { ["Name"] = name });
    }

    /// <summary>
    /// Blocks <paramref name="user"/> by name and checks the page lists them. A user can block only someone
    /// they have had a conversation with: without one, <paramref name="user"/> first writes to this browser's user.
    /// </summary>
    public static async Task BlockAsync(this BrowserClient browser, TestUser user, BrowserClient? writer = null)
    {
        if (writer is not null)
        {
            await writer.StartThreadAsync(browser.UserName, "Hello", "Do you have a minute?");
        }

        var response = await browser.BlockByNameAsync(user.UserName);
        var blocked = await browser.FollowRedirectAsync(response);
        Assert.NotNull(blocked.Find($"#um-blocked-list [data-um-user-id='{user.Id}']"));
    }

    /// <summary>Presses Unblock next to <paramref name="user"/> on the blocked-users page; returns the response.</summary>
    public static async Task<HttpResponseMessage> UnblockAsync(this BrowserClient browser, TestUser user)
    {
        var page = await browser.GetPageAsync(MailboxPaths.Blocked);
        return await browser.SubmitFormAsync(page, $"#um-blocked-list [data-um-user-id='{user.Id}'] form[data-um-action='unblock']");
    }

    /// <summary>Types names into the thread page's add-people form and submits it; returns the response.</summary>
    public static async Task<HttpResponseMessage> AddPeopleAsync(this BrowserClient browser, long threadId, string to)
    {
        var thread = await browser.GetPageAsync(Paths.Thread(threadId));
        Assert.Equal(HttpStatusCode.OK, thread.Status);
        return await browser.SubmitFormAsync(thread, "#um-add-people-form", new Dictionary<string, string> { ["To"] = to });
    }

    /// <summary>The user ids the recipient type-ahead suggests for <paramref name="query"/>.</summary>
    public static async Task<IReadOnlyList<string>> SuggestedIdsAsync(this BrowserClient browser, string query)
    {
        var response = await browser.Http.GetAsync(MailboxPaths.RecipientsFor(query));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.EnumerateArray().Select(u => u.GetProperty("id").GetString()!).ToList();
    }

    /// <summary>The ids of the thread rows of a folder or search page, in order.</summary>
    public static IReadOnlyList<long> RowIds(this HtmlPage page)
        => page.Document.QuerySelectorAll("#um-thread-list [data-um-thread-id]")
            .Select(r => long.Parse(r.GetAttribute("data-um-thread-id")!, CultureInfo.InvariantCulture))
            .ToList();
}
