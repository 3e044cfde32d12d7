using Microsoft.AspNetCore.Http;

namespace UserMessages.Web;

/// <summary>Keeps the package's stylesheet to one link per response, whichever of the pages, the badge or an override asks first.</summary>
public static class UserMessagesAssets
{
    private static readonly object StylesheetKey = new();

    /// <summary>True the first time it is asked in a request: the caller then writes the stylesheet's link.</summary>
    /// <param name="http">The current request.</param>
    /// <returns>Whether to write the link.</returns>
    public static bool ClaimStylesheet(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return http.Items.TryAdd(StylesheetKey, true);
    }

    /// <summary>Whether the stylesheet's link was claimed in this request already.</summary>
    internal static bool IsStylesheetClaimed(HttpContext http) => http.Items.ContainsKey(StylesheetKey);
}
