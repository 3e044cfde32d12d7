using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using UserMessages.IntegrationTests.Infrastructure;

namespace UserMessages.IntegrationTests.Api;

/// <summary>The JSON API at <c>/messages/api</c>, called as the site's own scripts would: antiforgery header on every POST.</summary>
public static class ApiSteps
{
    public const string Root = "/messages/api";
    public const string Antiforgery = Root + "/antiforgery";
    public const string UnreadCount = Root + "/unread-count";
    public const string Threads = Root + "/threads";
    public const string Bulk = Root + "/threads/bulk";

    public static string Folder(string folder) => $"{Root}/folders/{folder}";

    public static string Thread(long id) => Thread(id.ToString(CultureInfo.InvariantCulture));

    public static string Thread(string id) => $"{Threads}/{id}";

    /// <summary>Fetches a token from GET api/antiforgery (its cookie is kept by the client) and sends it on every later request.</summary>
    public static async Task UseAntiforgeryAsync(this BrowserClient browser)
    {
        using var json = await GetJsonAsync(browser.Http, Antiforgery);
        var header = json.RootElement.GetProperty("headerName").GetString()!;
        browser.Http.DefaultRequestHeaders.Remove(header);
        browser.Http.DefaultRequestHeaders.Add(header, json.RootElement.GetProperty("token").GetString());
    }

    public static Task<HttpResponseMessage> PostJsonAsync(this BrowserClient browser, string url, object body)
        => browser.Http.PostAsJsonAsync(url, body);

    public static Task<HttpResponseMessage> PostAsync(this BrowserClient browser, string url)
        => browser.Http.PostAsync(url, content: null);

    /// <summary>Starts a thread through the API; returns its id.</summary>
    public static async Task<long> ApiStartThreadAsync(this BrowserClient browser, string to, string subject, string content)
    {
        var response = await browser.PostJsonAsync(Threads, new { to = new[] { to }, subject, content });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("threadId").GetInt64();
    }

    public static async Task<JsonDocument> GetJsonAsync(this BrowserClient browser, string url) => await GetJsonAsync(browser.Http, url);

    public static async Task<JsonDocument> GetJsonAsync(HttpClient http, string url)
    {
        var response = await http.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode} {text}");
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        return JsonDocument.Parse(text);
    }

    public static async Task<int> ApiUnreadCountAsync(this BrowserClient browser)
    {
        using var json = await browser.GetJsonAsync(UnreadCount);
        return json.RootElement.GetProperty("count").GetInt32();
    }

    /// <summary>The thread ids of the first page of a folder, newest first.</summary>
    public static async Task<IReadOnlyList<long>> ApiFolderIdsAsync(this BrowserClient browser, string folder)
    {
        using var json = await browser.GetJsonAsync(Folder(folder));
        return json.RootElement.GetProperty("threads").EnumerateArray().Select(t => t.GetProperty("id").GetInt64()).ToList();
    }

    /// <summary>Asserts an <c>application/problem+json</c> answer with <paramref name="status"/>; returns its body.</summary>
    public static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(text);
        var root = json.RootElement.Clone();
        Assert.Equal((int)status, root.GetProperty("status").GetInt32());
        return root;
    }

    /// <summary>The field errors of a validation problem, by field.</summary>
    public static IReadOnlyDictionary<string, string[]> FieldErrors(JsonElement problem)
        => problem.GetProperty("errors").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(e => e.GetString()!).ToArray());
}
