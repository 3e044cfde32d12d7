using System.Globalization;

namespace UserMessages.Web;

/// <summary>
/// The culture the pages write dates, numbers and their <c>lang</c> attribute in: the request's, or
/// English when the host sets none (the invariant culture has no language and an unreadable date format).
/// </summary>
public static class UserMessagesCulture
{
    private static readonly CultureInfo English = FindEnglish();

    /// <summary>For dates and numbers: the current culture, or English in place of the invariant culture.</summary>
    public static CultureInfo Formatting => Readable(CultureInfo.CurrentCulture);

    /// <summary>For <c>lang</c> attributes: the current UI culture's name (<c>de-DE</c>, <c>en</c>...), <c>en</c> in place of the invariant culture.</summary>
    public static string Language => Readable(CultureInfo.CurrentUICulture) is { Name.Length: > 0 } culture ? culture.Name : "en";

    private static CultureInfo Readable(CultureInfo culture)
        => culture.Equals(CultureInfo.InvariantCulture) ? English : culture;

    private static CultureInfo FindEnglish()
    {
        try
        {
            return CultureInfo.GetCultureInfo("en");
        }
        catch (CultureNotFoundException)
        {
            // An app built with InvariantGlobalization has no other culture to offer.
            return CultureInfo.InvariantCulture;
        }
    }
}
