using System.Net;
using UserMessages.IntegrationTests.Infrastructure;

namespace UserMessages.IntegrationTests.Identity;

/// <summary>The messaging pages behind Identity UI's real cookie sign-in, with no test authentication at all.</summary>
public sealed class RealLoginTests : IAsyncLifetime
{
    private readonly MessagesFactory app = new(testAuthentication: false);

    [Fact]
    public async Task RegisteredUser_OpensMessages_AndAfterLoggingOutIsSentToLogin()
    {
        using var browser = app.CreateBrowser();
        const string email = "dora@example.com";
        const string password = "Test-pass-1";

        var register = await browser.GetPageAsync("/Identity/Account/Register");
        Assert.Equal(HttpStatusCode.OK, register.Status);
        var registered = await browser.SubmitFormAsync(register, "#registerForm", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Dora Explorer",
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = password,
        });
        var home = await browser.FollowRedirectAsync(registered);
        Assert.Equal(HttpStatusCode.OK, home.Status);
        Assert.Equal(email, home.Single("#signed-in-as").TextContent.Trim());

        var inbox = await browser.GetPageAsync(Paths.Inbox);
        Assert.Equal(HttpStatusCode.OK, inbox.Status);
        Assert.Equal("inbox", inbox.Single("#user-messages").GetAttribute("data-um-page"));
        Assert.Equal(0, inbox.UnreadBadgeCount);

        var loggedOut = await browser.SubmitFormAsync(inbox, "form:has(#logout)");
        Assert.Equal(HttpStatusCode.Redirect, loggedOut.StatusCode);

        var after = await browser.Http.GetAsync(Paths.Inbox);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Equal("/Identity/Account/Login", new Uri(browser.Http.BaseAddress!, after.Headers.Location!).AbsolutePath);
    }

    [Fact]
    public async Task LoginPage_OffersNoExternalLogin_ForTheCookieOrBearerScheme()
    {
        using var browser = app.CreateBrowser();

        var login = await browser.GetPageAsync("/Identity/Account/Login");

        Assert.Equal(HttpStatusCode.OK, login.Status);
        Assert.NotNull(login.Find("#account"));
        Assert.Null(login.Find("#external-account"));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await app.DisposeAsync();
}
