using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using UserMessages.Domain;
using UserMessages.Services;
using UserMessages.Users;
using UserMessages.Web.Pages;

using UserMessages.Tests.Infrastructure;

namespace UserMessages.Tests.Localization;

/// <summary>Issue 3 §9: every text of the bundled pages and errors exists in German, and German is what a German request gets.</summary>
public sealed partial class GermanTranslationTests
{
    [Fact]
    public void EveryTextOfTheViewsAndErrors_HasAGermanTranslation()
    {
        var root = Path.Combine(RepositoryRoot.Path, "src", "UserMessages");
        var german = XDocument.Load(Path.Combine(root, "Resources", "UserMessagesResources.de.resx"))
            .Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet(StringComparer.Ordinal);
        var texts = Directory.EnumerateFiles(Path.Combine(root, "Areas"), "*.cshtml", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Path.Combine(root, "Web"), "*.cs", SearchOption.AllDirectories))
            .SelectMany(file => ViewText().Matches(File.ReadAllText(file)).Select(m => m.Groups[1].Value))
            .Concat(ErrorText().Matches(File.ReadAllText(Path.Combine(root, "Messaging", "Rules", "UserMessagesErrorDescriber.cs")))
                .Select(m => Regex.Unescape(m.Groups[1].Value)))
            .Distinct()
            .ToList();

        Assert.True(texts.Count > 80, $"Only {texts.Count} texts found: the scan is broken.");
        var untranslated = texts.Where(t => !german.Contains(t)).ToList();
        Assert.Empty(untranslated);
    }

    [Fact]
    public void Errors_AreInTheRequestsLanguage()
    {
        var services = new TestHostBuilder().WithoutUserMessages().ConfigureServices(s => s.AddLocalization()).BuildServiceProvider();
        var describer = new UserMessagesErrorDescriber(services.GetRequiredService<IStringLocalizer<UserMessagesResources>>());
        var culture = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo("de");
            Assert.Equal("Der Betreff darf höchstens 150 Zeichen lang sein.", describer.SubjectTooLong(150).Description);
            Assert.Equal("Sie können „bob“ keine Nachricht senden.", describer.RecipientUnavailable("bob").Description);
            CultureInfo.CurrentUICulture = new CultureInfo("en");
            Assert.Equal("The subject can be at most 150 characters long.", describer.SubjectTooLong(150).Description);
        }
        finally
        {
            CultureInfo.CurrentUICulture = culture;
        }
    }

    [Theory]
    [InlineData(PeopleFoundBy.UserName | PeopleFoundBy.EmailAddress, "en", "Pick people as you type their name, or type a user name or a whole e-mail address; separate several with commas.")]
    [InlineData(PeopleFoundBy.PublicName, "en", "Pick people as you type their name, or type their name in full; separate several with commas.")]
    [InlineData(PeopleFoundBy.UserName | PeopleFoundBy.EmailAddress | PeopleFoundBy.PublicName, "en", "Pick people as you type their name, or type a user name, a whole e-mail address or their name in full; separate several with commas.")]
    [InlineData(PeopleFoundBy.SuggestionsOnly, "en", "Pick people as you type their name.")]
    [InlineData(PeopleFoundBy.EmailAddress, "de", "Wählen Sie Personen aus, während Sie ihren Namen tippen, oder geben Sie eine vollständige E-Mail-Adresse ein; trennen Sie mehrere durch Kommas.")]
    [InlineData(PeopleFoundBy.UserName | PeopleFoundBy.PublicName, "de", "Wählen Sie Personen aus, während Sie ihren Namen tippen, oder geben Sie einen Benutzernamen oder ihren vollständigen Namen ein; trennen Sie mehrere durch Kommas.")]
    public void TheRecipientHint_SaysWhatTheDirectoryFindsPeopleBy(PeopleFoundBy foundBy, string language, string hint)
    {
        var services = new TestHostBuilder().WithoutUserMessages().ConfigureServices(s => s.AddLocalization()).BuildServiceProvider();
        var culture = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo(language);
            Assert.Equal(hint, RecipientHint.For(services.GetRequiredService<IStringLocalizer<UserMessagesResources>>(), foundBy));
        }
        finally
        {
            CultureInfo.CurrentUICulture = culture;
        }
    }

    [Fact]
    public async Task ADeletedAccount_IsAFormerMember_InTheReadersLanguage()
    {
        await using var host = await MessagingHost.StartAsync();
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");
        await host.SendAsync(bob, [alice], "Farewell", "I am leaving the site.");
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
            Assert.True((await users.DeleteAsync((await users.FindByIdAsync(bob))!)).Succeeded);
        }

        var culture = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo("de");
            Assert.Equal("Ehemaliges Mitglied", Assert.Single((await host.FolderAsync(alice, MailboxFolder.Inbox)).Threads).LatestSender.DisplayName);
            CultureInfo.CurrentUICulture = new CultureInfo("en");
            Assert.Equal("Former member", Assert.Single((await host.FolderAsync(alice, MailboxFolder.Inbox)).Threads).LatestSender.DisplayName);
        }
        finally
        {
            CultureInfo.CurrentUICulture = culture;
        }
    }

    [GeneratedRegex("""T\["((?:[^"\\]|\\.)*)"[\],]""")]
    private static partial Regex ViewText();

    [GeneratedRegex("""Text\("((?:[^"\\]|\\.)*)"[,)]""")]
    private static partial Regex ErrorText();
}
