using System.Net;

namespace UserMessages.IntegrationTests.Infrastructure;

/// <summary>What a user does through the pages, each step asserted to work as a browser would see it.</summary>
public static class MessagingSteps
{
    public static Dictionary<string, string> ComposeFields(string to, string subject, string content)
        => new() { ["To"] = to, ["Subject"] = subject, ["Content"] = content };

    /// <summary>Fills and sends the compose form; returns the new thread's id from the redirect.</summary>
    public static async Task<long> StartThreadAsync(this BrowserClient browser, string to, string subject, string content)
    {
        var form = await browser.GetPageAsync(Paths.Create);
        var response = await browser.SubmitFormAsync(form, "#um-compose-form", ComposeFields(to, subject, content));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Paths.ThreadIdOf(response);
    }

    /// <summary>Replies through the thread page's reply form; returns the redirect response.</summary>
    public static async Task<HttpResponseMessage> ReplyAsync(this BrowserClient browser, long threadId, string content)
    {
        var thread = await browser.GetPageAsync(Paths.Thread(threadId));
        Assert.Equal(HttpStatusCode.OK, thread.Status);
        var response = await browser.SubmitFormAsync(thread, "#um-reply-form", new Dictionary<string, string> { ["Content"] = content });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response;
    }

    /// <summary>Presses Delete on the thread page; returns the redirect response.</summary>
    public static async Task<HttpResponseMessage> DeleteAsync(this BrowserClient browser, long threadId, IReadOnlyDictionary<string, string>? overrides = null)
    {
        var thread = await browser.GetPageAsync(Paths.Thread(threadId));
        Assert.Equal(HttpStatusCode.OK, thread.Status);
        return await browser.SubmitFormAsync(thread, "form[data-um-action='delete']", overrides);
    }

    /// <summary>A valid antiforgery token of this user, taken from the compose form of their own pages.</summary>
    public static async Task<string> TokenAsync(this BrowserClient browser)
    {
        var page = await browser.GetPageAsync(Paths.Create);
        return page.Single($"#um-compose-form input[name='{BrowserClient.TokenField}']").GetAttribute("value")!;
    }
}
