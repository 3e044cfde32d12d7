using System.Globalization;
using UserMessages.Web;

namespace UserMessages.Tests.Localization;

/// <summary>Issue 17 §7: a host that sets no culture gets English on the pages, never the invariant culture's empty language and raw date format.</summary>
public sealed class InvariantCultureTests
{
    [Fact]
    public void WithoutACulture_ThePagesSayEnglish_AndWriteReadableDates()
        => InCulture(CultureInfo.InvariantCulture, () =>
        {
            Assert.Equal("en", UserMessagesCulture.Language);
            // ICU writes a narrow no-break space before AM.
            Assert.Matches(@"^12/3/2026 9:05\sAM$", new DateTime(2026, 12, 3, 9, 5, 0, DateTimeKind.Utc).ToString("g", UserMessagesCulture.Formatting));
        });

    [Fact]
    public void TheRequestsCulture_IsKept()
        => InCulture(new CultureInfo("de-DE"), () =>
        {
            Assert.Equal("de-DE", UserMessagesCulture.Language);
            Assert.Equal("03.12.2026 09:05", new DateTime(2026, 12, 3, 9, 5, 0, DateTimeKind.Utc).ToString("g", UserMessagesCulture.Formatting));
        });

    private static void InCulture(CultureInfo culture, Action check)
    {
        var (before, beforeUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = culture;
            check();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (before, beforeUi);
        }
    }
}
