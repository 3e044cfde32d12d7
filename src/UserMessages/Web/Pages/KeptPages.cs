using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using UserMessages.Store;

namespace UserMessages.Web.Pages;

/// <summary>
/// Kept pages (<see cref="UserMessagesKeptPagesOptions"/>): the folder and thread pages an instance rendered, per user and
/// address, served again while the version in the user's counter row is the one they were rendered at. Checking costs
/// the one statement the unread badge reads anyway.
/// </summary>
internal sealed class KeptPages(IOptions<UserMessagesOptions> options, TimeProvider clock) : IDisposable
{
    /// <summary>Stands for the request's antiforgery token in a kept page (no HTML the views write holds a NUL).</summary>
    private const string TokenStandIn = "\0um-antiforgery-token\0";

    private readonly MemoryCache pages = new(new MemoryCacheOptions { SizeLimit = options.Value.KeptPages.MaxPages });

    /// <summary>
    /// For a GET with kept pages on: the kept page when it is current (to render as it is), else the version the page
    /// about to be rendered is kept at; neither when pages are not kept or the user had no counter row yet (made now).
    /// </summary>
    public async Task<(PageResult? Current, KeepRequest? Keep)> FindAsync(HttpContext http, string userId)
    {
        if (!PageVersions.On(options.Value) || !HttpMethods.IsGet(http.Request.Method))
        {
            return (null, null);
        }

        var store = http.RequestServices.GetRequiredService<IMessageStore>();
        if (await store.ReadCounterAsync(userId, http.RequestAborted) is not { } counter)
        {
            // Someone who never had an unread thread gets their row now, and their pages are kept from the next request on.
            await store.EnsureCounterAsync(userId, http.RequestAborted);
            return (null, null);
        }

        var key = KeyOf(http, userId);
        if (pages.TryGetValue(key, out KeptPage? page) && page!.Version == counter.Version && clock.GetUtcNow() < page.Until)
        {
            // What the page shows is what it showed when kept, the unread count included.
            KnownUnreadCount.Remember(http, userId, counter.Unread);
            UserMessagesAssets.ClaimStylesheet(http);
            return (new PageResult(ViewPaths.Kept, new KeptPageView(WithToken(http, page.Body), page.ViewData)), null);
        }

        return (null, new KeepRequest(key, counter.Version, clock.GetUtcNow() + options.Value.KeptPages.Duration));
    }

    /// <summary>Keeps <paramref name="body"/> (a page's HTML without the layout) and its view data as <paramref name="keep"/> says; returns the page to render now.</summary>
    public KeptPageView Keep(HttpContext http, KeepRequest keep, string body, IReadOnlyList<KeyValuePair<string, object?>> viewData)
    {
        var token = http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http).RequestToken;
        if (keep.Until > clock.GetUtcNow())
        {
            // The site's clock says until when the page holds; the memory goes after the duration in any case.
            var kept = new KeptPage(keep.Version, keep.Until, token is null ? body : body.Replace(token, TokenStandIn, StringComparison.Ordinal), viewData);
            pages.Set(keep.Key, kept, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = options.Value.KeptPages.Duration, Size = 1 });
        }

        return new KeptPageView(body, viewData);
    }

    public void Dispose() => pages.Dispose();

    /// <summary>
    /// A page differs by user, address (the mount, folder or thread, and the cursor: other query values change nothing,
    /// so they make no page of their own), language, and whether it links the stylesheet.
    /// </summary>
    private static string KeyOf(HttpContext http, string userId)
    {
        var request = http.Request;
        var linksStylesheet = !UserMessagesAssets.IsStylesheetClaimed(http);
        return string.Join(
            '\n', userId, CultureInfo.CurrentCulture.Name, CultureInfo.CurrentUICulture.Name, request.PathBase.Value, request.Path.Value,
            request.Query["before"].ToString(), request.Query["after"].ToString(), linksStylesheet ? "1" : "0");
    }

    private static string WithToken(HttpContext http, string body)
        => body.Contains(TokenStandIn, StringComparison.Ordinal)
            ? body.Replace(TokenStandIn, http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http).RequestToken, StringComparison.Ordinal)
            : body;

    private sealed record KeptPage(long Version, DateTimeOffset Until, string Body, IReadOnlyList<KeyValuePair<string, object?>> ViewData);
}

/// <summary>Where and until when to keep the page about to be rendered, at the version read before its data.</summary>
internal sealed record KeepRequest(string Key, long Version, DateTimeOffset Until)
{
    /// <summary>Kept no longer than <paramref name="until"/> (when the page changes by itself, say an edit window ending).</summary>
    public KeepRequest NoLaterThan(DateTimeOffset? until) => until < Until ? this with { Until = until.Value } : this;
}

/// <summary>The model of the view that writes a kept page's HTML in the layout, with the view data it left (its title).</summary>
/// <param name="Body">The page's HTML, without the layout.</param>
/// <param name="ViewData">The view data the page's view left.</param>
internal sealed record KeptPageView(string Body, IReadOnlyList<KeyValuePair<string, object?>> ViewData);
