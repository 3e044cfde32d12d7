using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using UserMessages.IntegrationTests.Api;
using UserMessages.IntegrationTests.Infrastructure;

namespace UserMessages.IntegrationTests.Conversations;

/// <summary>The card of what a conversation is about, as a page shows it: its title, where the title links (null: not a link), its picture (null: none).</summary>
public sealed record ShownAboutCard(string Title, string? Href, string? ImageSrc);

/// <summary>A thread's <c>about</c> in the API: the reference it was started with and the card the site's resolver gives the caller.</summary>
public sealed record ApiAboutView(string Reference, string? Title, string? Url, string? ImageUrl);

/// <summary>Conversations about something of the site's, as a user meets them: the compose link with <c>?about=</c>, the card, the folder rows' tag, the API's <c>about</c>.</summary>
public static class AboutSteps
{
    /// <summary>The compose page opened about <paramref name="about"/> (as the site's "Ask about this" links do), for one person when <paramref name="toUserId"/> is given.</summary>
    public static string ComposeAbout(string about, string? toUserId = null)
        => (toUserId is null ? Paths.Create : Paths.CreateTo(toUserId)) + "?about=" + Uri.EscapeDataString(about);

    /// <summary>Opens the compose form about <paramref name="about"/> (checked to show its card), fills it and sends it; returns the new thread's id.</summary>
    public static async Task<long> StartThreadAboutAsync(this BrowserClient browser, string about, string to, string subject, string content)
    {
        var form = await browser.GetPageAsync(ComposeAbout(about));
        Assert.True(form.Status == HttpStatusCode.OK, $"Compose about {about}: {(int)form.Status}\n{form.Html}");
        Assert.Equal(about, form.Single("#um-compose-form input[type='hidden'][name='About']").GetAttribute("value"));
        var response = await browser.SubmitFormAsync(form, "#um-compose-form", MessagingSteps.ComposeFields(to, subject, content));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Send about {about}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return Paths.ThreadIdOf(response);
    }

    /// <summary>The card inside <paramref name="scope"/> (<c>aside#um-about</c>), or null when none is shown there.</summary>
    public static ShownAboutCard? AboutCard(this HtmlPage page, string scope)
    {
        var cards = page.Document.QuerySelectorAll($"{scope} aside#um-about");
        Assert.True(cards.Length <= 1, $"More than one card in '{scope}':\n{page.Html}");
        if (cards.Length == 0)
        {
            return null;
        }

        var card = cards[0];
        var title = card.QuerySelectorAll(".um-about__title");
        Assert.True(title.Length == 1, $"Expected one title in the card: {card.OuterHtml}");
        var images = card.QuerySelectorAll("img");
        Assert.True(images.Length <= 1, $"More than one picture in the card: {card.OuterHtml}");
        return new ShownAboutCard(
            title[0].TextContent.Trim(),
            title[0] is { LocalName: "a" } link ? link.GetAttribute("href") : null,
            images.Length == 0 ? null : images[0].GetAttribute("src"));
    }

    /// <summary>The "About: ..." tag of thread <paramref name="threadId"/>'s row in a folder list, or null when the row shows none (the row must be there).</summary>
    public static IElement? AboutTag(this HtmlPage page, long threadId)
    {
        var row = page.ThreadRow(threadId) ?? throw new Xunit.Sdk.XunitException($"No row of thread {threadId} on the page:\n{page.Html}");
        var tags = row.QuerySelectorAll(".um-tag--about");
        Assert.True(tags.Length <= 1, $"More than one about tag in the row: {row.OuterHtml}");
        return tags.Length == 0 ? null : tags[0];
    }

    /// <summary>Starts a thread through the API with <c>about</c>; returns the response.</summary>
    public static Task<HttpResponseMessage> ApiStartThreadAboutAsync(this BrowserClient browser, string about, string to, string subject, string content)
        => browser.PostJsonAsync(ApiSteps.Threads, new { to = new[] { to }, subject, content, about });

    /// <summary>Reads an API <c>about</c>: null when it is JSON null (it must be there).</summary>
    public static ApiAboutView? ReadAbout(JsonElement owner)
    {
        Assert.True(owner.TryGetProperty("about", out var about), $"No 'about' in {owner.GetRawText()}");
        return about.ValueKind == JsonValueKind.Null
            ? null
            : new ApiAboutView(about.GetProperty("reference").GetString()!, Text(about, "title"), Text(about, "url"), Text(about, "imageUrl"));
    }

    /// <summary>The API thread's <c>about</c> as <paramref name="browser"/> sees it.</summary>
    public static async Task<ApiAboutView?> ApiThreadAboutAsync(this BrowserClient browser, long threadId)
    {
        using var thread = await browser.GetJsonAsync(ApiSteps.Thread(threadId));
        return ReadAbout(thread.RootElement);
    }

    /// <summary>The <c>about</c> of thread <paramref name="threadId"/>'s row in the API's folder (it must be there).</summary>
    public static async Task<ApiAboutView?> ApiRowAboutAsync(this BrowserClient browser, string folder, long threadId)
    {
        using var json = await browser.GetJsonAsync(ApiSteps.Folder(folder));
        var rows = json.RootElement.GetProperty("threads").EnumerateArray().Where(t => t.GetProperty("id").GetInt64() == threadId).ToList();
        Assert.True(rows.Count == 1, $"Thread {threadId} is not once in the API's {folder}: {json.RootElement.GetRawText()}");
        return ReadAbout(rows[0]);
    }

    private static string? Text(JsonElement owner, string name)
        => owner.GetProperty(name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;
}
