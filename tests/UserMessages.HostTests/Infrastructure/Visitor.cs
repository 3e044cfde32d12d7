using System.Net;

namespace UserMessages.HostTests.Infrastructure;

/// <summary>Someone using a host's site: their browser-like client and its cookies.</summary>
public sealed record Visitor(BrowserClient Browser, CookieContainer Cookies, Uri Site) : IDisposable
{
    public const string Password = "Host-test-pass-1";

    public string Email => Browser.UserName;

    public Task<HtmlPage> GetPageAsync(string path) => Browser.GetPageAsync(path);

    /// <summary>Registers through the site's Identity pages and follows the development confirmation link they show.</summary>
    public async Task RegisterAsync(string accountPages = "/Identity/Account")
    {
        var form = await GetPageAsync($"{accountPages}/Register");
        var registered = await Browser.SubmitFormAsync(form, "#registerForm", new Dictionary<string, string>
        {
            ["Input.Email"] = Email,
            ["Input.Password"] = Password,
            ["Input.ConfirmPassword"] = Password,
        });
        var confirmation = await Browser.FollowRedirectAsync(registered);
        var link = confirmation.Single("#confirm-link").GetAttribute("href")!;
        var confirmed = await GetPageAsync(WebUtility.HtmlDecode(link));
        Assert.Equal(HttpStatusCode.OK, confirmed.Status);
    }

    /// <summary>Signs in through the site's Identity login page.</summary>
    public async Task SignInAsync(string accountPages = "/Identity/Account", string password = Password)
    {
        var form = await GetPageAsync($"{accountPages}/Login");
        var signedIn = await Browser.SubmitFormAsync(form, "#account", new Dictionary<string, string>
        {
            ["Input.Email"] = Email,
            ["Input.Password"] = password,
        });
        Assert.True(signedIn.StatusCode == HttpStatusCode.Redirect, $"Signing in as {Email} failed ({(int)signedIn.StatusCode}):\n{await signedIn.Content.ReadAsStringAsync()}");
    }

    public void Dispose() => Browser.Dispose();
}
