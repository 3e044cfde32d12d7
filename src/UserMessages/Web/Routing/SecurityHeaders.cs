using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace UserMessages.Web.Routing;

/// <summary>
/// Adds <see cref="UserMessagesSecurityHeaders"/> to every response of the messaging endpoints (pages, API,
/// hub) before they run, each only where the host's middleware has set none, so the host's own headers win
/// (and antiforgery's <c>SAMEORIGIN</c> default does not replace <c>DENY</c>).
/// </summary>
internal static class SecurityHeaders
{
    /// <summary>
    /// The inline event handler of the Blazor Web App template's <c>NavMenu.razor</c> (a click in the open menu closes it).
    /// Hashes cover event handlers only with <c>'unsafe-hashes'</c>, which lets this one run and no other.
    /// </summary>
    internal const string BlazorTemplateNavMenuHandler = "document.querySelector('.navbar-toggler').click()";

    private static readonly string BlazorTemplateHandlers = "'unsafe-hashes' " + Hash(BlazorTemplateNavMenuHandler);

    /// <summary>Marks the endpoints that answer HTML pages, which get the pages' policy.</summary>
    public sealed class PageMarker;

    public static void AddTo(IEndpointConventionBuilder group)
        => group.Add(endpoint =>
        {
            var next = endpoint.RequestDelegate!;
            var policies = new PagePolicies();
            endpoint.RequestDelegate = http =>
            {
                var headers = http.RequestServices.GetRequiredService<IOptions<UserMessagesOptions>>().Value.SecurityHeaders;
                if (headers.Enabled)
                {
                    Write(http, headers, policies);
                }

                return next(http);
            };
        });

    private static void Write(HttpContext http, UserMessagesSecurityHeaders headers, PagePolicies policies)
    {
        var response = http.Response;
        Add(response, "X-Content-Type-Options", headers.ContentTypeOptions);
        Add(response, "X-Frame-Options", headers.FrameOptions);
        Add(response, "Referrer-Policy", headers.ReferrerPolicy);
        var page = http.GetEndpoint()?.Metadata.GetMetadata<PageMarker>() is not null;
        Add(response, "Content-Security-Policy", page ? policies.For(headers.PageContentSecurityPolicy, http) : headers.ApiContentSecurityPolicy);
    }

    /// <summary>
    /// One endpoint's page policy, worked out on its first request and again only when the configured policy changes:
    /// the import map and the kind of layout are fixed once the app runs, and hashing the map took a share of every page.
    /// </summary>
    private sealed class PagePolicies
    {
        private Known? known;

        public string? For(string? configured, HttpContext http)
        {
            if (known is { } cached && ReferenceEquals(cached.Configured, configured))
            {
                return cached.Written;
            }

            var written = PagePolicy(configured, http);
            known = new Known(configured, written);
            return written;
        }

        private sealed record Known(string? Configured, string? Written);
    }

    private static void Add(HttpResponse response, string name, string? value)
    {
        if (value is not null && !response.Headers.ContainsKey(name))
        {
            response.Headers[name] = value;
        }
    }

    /// <summary>
    /// The pages' policy, with what the host's layout writes inline added to <c>script-src</c>: the hash of its import map
    /// (<c>&lt;script type="importmap"&gt;</c>) and, in a Blazor Web App, that of the template's nav menu handler.
    /// </summary>
    private static string? PagePolicy(string? policy, HttpContext http)
    {
        const string Directive = "script-src ";
        var at = policy?.IndexOf(Directive, StringComparison.Ordinal) ?? -1;
        if (at < 0)
        {
            return policy;
        }

        var sources = new List<string>(2);
        if (http.GetEndpoint()?.Metadata.GetMetadata<ImportMapDefinition>() is { } importMap)
        {
            sources.Add(Hash(importMap.ToString()));
        }

        if (http.RequestServices.GetRequiredService<UserMessagesLayout>().RootComponent is not null)
        {
            sources.Add(BlazorTemplateHandlers);
        }

        return sources.Count == 0 ? policy : policy!.Insert(at + Directive.Length, string.Join(' ', sources) + " ");
    }

    private static string Hash(string script) => $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(script)))}'";
}
