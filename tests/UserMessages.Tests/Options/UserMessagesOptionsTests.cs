using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using UserMessages.Storage;
using UserMessages.Tests.Infrastructure;

namespace UserMessages.Tests.Options;

/// <summary>SPEC §5: options have sensible defaults and a bad value stops the app, naming the option.</summary>
public sealed class UserMessagesOptionsTests
{
    [Theory]
    [InlineData("PageSize", "PageSize")]
    [InlineData("ThreadPageSize", "ThreadPageSize")]
    [InlineData("MaxContentLength", "MaxContentLength")]
    [InlineData("MaxRecipients", "MaxRecipients")]
    [InlineData("Layout", "Layout")]
    [InlineData("SchemaVersion", "SchemaVersion")]
    [InlineData("TablePrefix", "TablePrefix")]
    [InlineData("TextSearchConfiguration", "TextSearchConfiguration")]
    [InlineData("ReportsPerDay", "Moderation.ReportsPerDay")]
    [InlineData("ContextMessages", "Moderation.ContextMessages")]
    [InlineData("ModeratorRole", "Moderation")]
    [InlineData("NewAccountsAge", "NewAccounts.Age")]
    [InlineData("PeoplePerDay", "NewAccounts.PeoplePerDay")]
    [InlineData("SearchesPerMinute", "Limits.SearchesPerMinute")]
    [InlineData("KeptPagesDuration", "KeptPages.Duration")]
    [InlineData("KeptPagesMaxPages", "KeptPages.MaxPages")]
    public void InvalidOption_ThrowsWhenTheOptionsAreRead_NamingTheOption(string badOption, string named)
    {
        Action<UserMessagesOptions> configure = badOption switch
        {
            "PageSize" => o => o.PageSize = 0,
            "ThreadPageSize" => o => o.ThreadPageSize = 0,
            "MaxContentLength" => o => o.MaxContentLength = -1,
            "MaxRecipients" => o => o.MaxRecipients = 0,
            "Layout" => o => o.Layout = "nolead.cshtml",
            "SchemaVersion" => o => o.Store.SchemaVersion = 99,
            "TablePrefix" => o => o.Store.TablePrefix = " ",
            "TextSearchConfiguration" => o => o.Store.TextSearchConfiguration = "english'); DROP TABLE x; --",
            "ReportsPerDay" => o => o.Moderation.ReportsPerDay = 0,
            "ContextMessages" => o => o.Moderation.ContextMessages = -1,
            "ModeratorRole" => o => o.Moderation.Role = " ",
            "NewAccountsAge" => o => o.NewAccounts.Age = TimeSpan.FromDays(-1),
            "PeoplePerDay" => o => o.NewAccounts.PeoplePerDay = -1,
            "SearchesPerMinute" => o => o.Limits.SearchesPerMinute = -1,
            "KeptPagesDuration" => o => o.KeptPages.Duration = TimeSpan.FromDays(2),
            "KeptPagesMaxPages" => o => o.KeptPages.MaxPages = 0,
            _ => throw new ArgumentOutOfRangeException(nameof(badOption)),
        };
        using var services = new TestHostBuilder().ConfigureOptions(configure).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<UserMessagesOptions>>().Value);

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
        Assert.Single(error.Failures);
    }

    [Fact]
    public void Defaults_Are10000Characters_20Recipients_25ThreadsPerPage()
    {
        using var services = new TestHostBuilder().BuildServiceProvider();

        var options = services.GetRequiredService<IOptions<UserMessagesOptions>>().Value;

        Assert.Equal(10_000, options.MaxContentLength);
        Assert.Equal(20, options.MaxRecipients);
        Assert.Equal(25, options.PageSize);
        Assert.Equal(50, options.ThreadPageSize);
        Assert.Null(options.Layout);
        Assert.Equal("UserMessages", options.Store.TablePrefix);
        Assert.Null(options.Store.Schema);
        Assert.Equal(UserMessagesStoreOptions.Version1, options.Store.SchemaVersion);
        Assert.Equal("simple", options.Store.TextSearchConfiguration);
    }

    [Theory]
    [InlineData("/Views/Shared/_Layout.cshtml")]
    [InlineData("~/Pages/Shared/_Site.cshtml")]
    public void AppRelativeLayout_IsAccepted(string layout)
    {
        using var services = new TestHostBuilder().ConfigureOptions(o => o.Layout = layout).BuildServiceProvider();

        Assert.Equal(layout, services.GetRequiredService<IOptions<UserMessagesOptions>>().Value.Layout);
    }

    [Fact]
    public async Task InvalidOptions_StopTheAppAtStartUp()
    {
        using var host = new TestHostBuilder().ConfigureOptions(o => o.PageSize = 0).BuildGenericHost();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("PageSize", error.Message, StringComparison.Ordinal);
    }
}
