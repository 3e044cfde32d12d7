using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace UserMessages.IntegrationTests.Infrastructure;

/// <summary>One user's browser: keeps its cookies, does not follow redirects, reads pages and posts forms as a browser would.</summary>
public sealed class BrowserClient(HttpClient http, TestUser? user) : IDisposable
{
    public const string TokenField = "__RequestVerificationToken";

    private static readonly HtmlParser Parser = new();

    public HttpClient Http { get; } = http;

    public TestUser User => user ?? throw new InvalidOperationException("This browser is anonymous.");

    public string Id => User.Id;

    public string UserName => User.UserName;

    public string DisplayName => User.DisplayName;

    public async Task<HtmlPage> GetPageAsync(string url)
        => await ReadPageAsync(await Http.GetAsync(url));

    /// <summary>Posts the form as a browser would: every named input and textarea (the antiforgery token too), with <paramref name="overrides"/> replacing or adding fields.</summary>
    public Task<HttpResponseMessage> SubmitFormAsync(HtmlPage page, string formSelector, IReadOnlyDictionary<string, string>? overrides = null)
    {
        var form = page.Document.QuerySelector<IHtmlFormElement>(formSelector)
            ?? throw new Xunit.Sdk.XunitException($"No form '{formSelector}' on the page:\n{page.Html}");
        var fields = ReadFields(form);
        foreach (var (name, value) in overrides ?? new Dictionary<string, string>())
        {
            fields.RemoveAll(f => f.Key == name);
            fields.Add(new(name, value));
        }

        var action = form.GetAttribute("action") is { Length: > 0 } a ? a : page.Response.RequestMessage!.RequestUri!.PathAndQuery;
        return PostFormAsync(action, fields);
    }

    /// <summary>Posts raw fields, form-encoded, to <paramref name="url"/> (for requests no page would send).</summary>
    public Task<HttpResponseMessage> PostFormAsync(string url, IEnumerable<KeyValuePair<string, string>> fields)
        => Http.PostAsync(url, new FormUrlEncodedContent(fields));

    /// <summary>Asserts <paramref name="response"/> is a redirect and reads the page it points to.</summary>
    public async Task<HtmlPage> FollowRedirectAsync(HttpResponseMessage response)
    {
        Assert.True((int)response.StatusCode is >= 300 and < 400, $"Expected a redirect, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await GetPageAsync(response.Headers.Location!.OriginalString);
    }

    public static async Task<HtmlPage> ReadPageAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        return new HtmlPage(response, html, Parser.ParseDocument(html));
    }

    public void Dispose() => Http.Dispose();

    private static List<KeyValuePair<string, string>> ReadFields(IHtmlFormElement form)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.QuerySelectorAll("input[name], textarea[name]"))
        {
            var name = element.GetAttribute("name")!;
            switch (element)
            {
                case IHtmlInputElement { Type: "submit" or "button" or "reset" or "image" or "file" }:
                    break;
                case IHtmlInputElement { Type: "checkbox" or "radio", IsChecked: false }:
                    break;
                case IHtmlInputElement input:
                    fields.Add(new(name, input.Value));
                    break;
                case IHtmlTextAreaElement textArea:
                    fields.Add(new(name, textArea.Value));
                    break;
            }
        }

        return fields;
    }
}
