using System.Net;
using Microsoft.EntityFrameworkCore;
using UserMessages.IntegrationTests.Infrastructure;

namespace UserMessages.IntegrationTests.Settings;

/// <summary>Issue 3 §8: the per-user setting to turn e-mail notification off, on <c>/messages/settings</c>.</summary>
public sealed class SettingsTests : MessagingTest, IClassFixture<SharedApp>
{
    public SettingsTests(SharedApp app)
        : base(app)
    {
    }

    [Fact]
    public async Task SettingsPage_ShowsTheNotificationCheckboxTickedByDefault()
    {
        var page = await Alice.GetPageAsync(MailboxPaths.Settings);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var checkbox = page.Single<AngleSharp.Html.Dom.IHtmlInputElement>("#um-settings-form #um-notify");
        Assert.True(checkbox.IsChecked);
        Assert.Equal("NotifyByEmail", checkbox.Name);
        Assert.Null(page.Find("#um-saved"));
    }

    [Fact]
    public async Task UntickingAndSaving_PersistsTheChoice_AndShowsTheSavedNote()
    {
        var page = await Alice.GetPageAsync(MailboxPaths.Settings);
        page.Untick("#um-notify");

        var response = await Alice.PressAsync(page, "#um-settings-save");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await Alice.FollowRedirectAsync(response);
        Assert.Equal(HttpStatusCode.OK, saved.Status);
        Assert.NotNull(saved.Find("#um-saved"));
        Assert.False(saved.Single<AngleSharp.Html.Dom.IHtmlInputElement>("#um-notify").IsChecked);
        var row = await WithDbAsync(db => db.MessagingPreferences.AsNoTracking().SingleAsync(p => p.UserId == Alice.Id));
        Assert.False(row.NotifyByEmail);

        // Opened again later, the page still shows the choice, without the note.
        var later = await Alice.GetPageAsync(MailboxPaths.Settings);
        Assert.False(later.Single<AngleSharp.Html.Dom.IHtmlInputElement>("#um-notify").IsChecked);
        Assert.Null(later.Find("#um-saved"));
    }

    [Fact]
    public async Task TickingAgainAndSaving_TurnsNotificationsBackOn()
    {
        var page = await Alice.GetPageAsync(MailboxPaths.Settings);
        page.Untick("#um-notify");
        await Alice.PressAsync(page, "#um-settings-save");
        var off = await Alice.GetPageAsync(MailboxPaths.Settings);
        off.Tick("#um-notify");

        var response = await Alice.PressAsync(off, "#um-settings-save");

        var saved = await Alice.FollowRedirectAsync(response);
        Assert.True(saved.Single<AngleSharp.Html.Dom.IHtmlInputElement>("#um-notify").IsChecked);
        Assert.True((await WithDbAsync(db => db.MessagingPreferences.AsNoTracking().SingleAsync(p => p.UserId == Alice.Id))).NotifyByEmail);
    }

    [Fact]
    public async Task SettingsAreEachUsersOwn()
    {
        var page = await Alice.GetPageAsync(MailboxPaths.Settings);
        page.Untick("#um-notify");

        await Alice.PressAsync(page, "#um-settings-save");

        Assert.True((await Bob.GetPageAsync(MailboxPaths.Settings)).Single<AngleSharp.Html.Dom.IHtmlInputElement>("#um-notify").IsChecked);
        Assert.Equal(0, await WithDbAsync(db => db.MessagingPreferences.CountAsync(p => p.UserId == Bob.Id)));
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("garbage")]
    public async Task SettingsPage_WithAMalformedSavedFlag_AnswersWithAPackagePageThatIsNotCached(string saved)
    {
        // Like /messages?before=garbage: a hand-edited query string gets the package's own page, never cached.
        var page = await Alice.GetPageAsync($"{MailboxPaths.Settings}?saved={saved}");

        Assert.Contains("no-store", page.Response.Headers.CacheControl?.ToString() ?? string.Empty, StringComparison.Ordinal);
        Assert.NotNull(page.Find("main #user-messages"));
        Assert.DoesNotContain("Exception", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SavingWithoutTheAntiforgeryToken_Answers400_AndSavesNothing()
    {
        var response = await Alice.PostFormAsync(MailboxPaths.Settings, []);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var ids = UserIds;
        Assert.Equal(0, await WithDbAsync(db => db.MessagingPreferences.CountAsync(p => ids.Contains(p.UserId))));
    }

    [Fact]
    public async Task WithTheSamplesEmailNotifier_ThePageDoesNotSayTheSiteSendsNoNotifications()
    {
        // The sample registers an e-mail notifier (AddMessageNotifier<PickupDirectoryEmailNotifier>() in its Program.cs).
        var page = await Alice.GetPageAsync(MailboxPaths.Settings);

        var form = page.Single("#um-settings-form");
        Assert.NotNull(form.QuerySelector("#um-notify"));
        Assert.DoesNotContain("does not send e-mail notifications", form.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unticking_DropsTheNotificationsAlreadyWaitingForTheUser()
    {
        await Bob.StartThreadAsync($"{Alice.UserName}, {Carol.UserName}", "Hello", "Hi both");
        Assert.Equal(1, await PendingFor(Alice));
        var page = await Alice.GetPageAsync(MailboxPaths.Settings);
        page.Untick("#um-notify");

        await Alice.PressAsync(page, "#um-settings-save");

        Assert.Equal(0, await PendingFor(Alice));
        Assert.Equal(1, await PendingFor(Carol));
    }

    [Fact]
    public async Task AfterUnticking_NewMessagesAreNotQueuedForTheUser()
    {
        var page = await Alice.GetPageAsync(MailboxPaths.Settings);
        page.Untick("#um-notify");
        await Alice.PressAsync(page, "#um-settings-save");

        await Bob.StartThreadAsync($"{Alice.UserName}, {Carol.UserName}", "Hello", "Hi both");

        Assert.Equal(0, await PendingFor(Alice));
        Assert.Equal(1, await PendingFor(Carol));
        Assert.NotNull((await Alice.GetPageAsync(Paths.Inbox)).Find("#um-thread-list"));
    }

    /// <summary>No digest falls due while a test runs, so what waits in the outbox is what the test made.</summary>
    protected override void ConfigureServices(IServiceCollection services)
        => services.Configure<UserMessagesOptions>(options =>
        {
            options.Notifications.QuietPeriod = TimeSpan.FromHours(1);
            options.Notifications.MaxDelay = TimeSpan.FromHours(2);
        });

    private Task<int> PendingFor(BrowserClient user)
        => WithDbAsync(db => db.PendingNotifications.CountAsync(n => n.RecipientId == user.Id));
}
