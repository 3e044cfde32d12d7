using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewEngines;
using Microsoft.Extensions.DependencyInjection;

namespace UserMessages.Web;

/// <summary>
/// A person's avatar on the package's pages (their initial in a coloured circle), written straight into the
/// row or message, or the host's <c>_Avatar.cshtml</c> when it overrides it: <c>@await UserMessagesAvatars.ForAsync(Html, name)</c>.
/// </summary>
public static class UserMessagesAvatars
{
    /// <summary>The avatar's view, which a host may override (its model is the display name).</summary>
    public const string ViewPath = "/Areas/UserMessages/Views/Shared/_Avatar.cshtml";

    private static readonly object OverriddenKey = new();

    /// <summary>The avatar's opening tag for each of its six hues.</summary>
    private static readonly string[] Openings = [.. Enumerable.Range(0, 6).Select(hue => $"<span class=\"um-avatar\" data-um-hue=\"{hue}\" aria-hidden=\"true\">")];

    /// <summary>The avatar of <paramref name="name"/>: the package's markup, or the host's <c>_Avatar.cshtml</c>.</summary>
    /// <param name="html">The calling view's HTML helper.</param>
    /// <param name="name">The person's display name.</param>
    /// <returns>The avatar's HTML.</returns>
    public static async Task<IHtmlContent> ForAsync(IHtmlHelper html, string name)
        => IsOverridden(html.ViewContext.HttpContext) ? await html.PartialAsync(ViewPath, name) : For(name);

    /// <summary>
    /// The package's avatar markup: the first letter (a whole code point, upper-cased) of the name,
    /// and a hue 0-5 from the name, so one person keeps one colour (usermessages.js computes the
    /// same for the messages it adds live). Decoration only: the name is always written beside it.
    /// </summary>
    /// <param name="name">The person's display name.</param>
    /// <returns><c>&lt;span class="um-avatar" data-um-hue="…" aria-hidden="true"&gt;A&lt;/span&gt;</c>.</returns>
    public static IHtmlContent For(string name)
    {
        var trimmed = name.Trim();
        var initial = trimmed.Length == 0 ? "?" : trimmed.EnumerateRunes().First().ToString().ToUpperInvariant();
        var sum = 0;
        foreach (var c in trimmed)
        {
            sum += c;
        }

        return new HtmlContentBuilder(3)
            .AppendHtml(Openings[sum % Openings.Length])
            .Append(initial)
            .AppendHtml("</span>");
    }

    /// <summary>Whether the view at <see cref="ViewPath"/> is not the package's own (looked up once per request).</summary>
    private static bool IsOverridden(HttpContext http)
    {
        if (http.Items.TryGetValue(OverriddenKey, out var known) && known is bool overridden)
        {
            return overridden;
        }

        var view = http.RequestServices.GetRequiredService<ICompositeViewEngine>().GetView(executingFilePath: null, ViewPath, isMainPage: false).View;
        overridden = !(view is RazorView razor && razor.RazorPage.GetType().Assembly == typeof(UserMessagesAvatars).Assembly);
        http.Items[OverriddenKey] = overridden;
        return overridden;
    }
}
