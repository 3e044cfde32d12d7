using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using UserMessages.Users;

namespace UserMessages.Web.Pages;

/// <summary>Small readings of a request shared by the page handlers.</summary>
internal static class PageRequests
{
    public static string? CurrentUserId(HttpContext http)
        => http.RequestServices.GetRequiredService<IUserDirectory>().GetUserId(http.User);

    public static bool TryParseThreadId(string? text, out long id)
        => long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out id) && id > 0;

    public static PageResult MalformedId()
        => PageResult.Problem(StatusCodes.Status400BadRequest, "Bad request", "That is not a valid conversation address.");

    /// <summary>A local URL to go back to, or <paramref name="fallback"/>: never another host (open redirect).</summary>
    public static string LocalOr(string? returnUrl, string fallback)
        => IsLocalUrl(returnUrl) ? returnUrl : fallback;

    private static bool IsLocalUrl([NotNullWhen(true)] string? url)
    {
        if (string.IsNullOrEmpty(url) || url[0] != '/')
        {
            return false;
        }

        // "//host" and "/\host" are protocol-relative to browsers; control characters can smuggle either.
        return url.Length == 1 || (url[1] != '/' && url[1] != '\\' && !url.Any(char.IsControl));
    }
}
