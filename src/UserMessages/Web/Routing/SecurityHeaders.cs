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
    /// <summary>Marks the endpoints that answer HTML pages, which get the pages' policy.</summary>
    public sealed class PageMarker;

    public static void AddTo(IEndpointConventionBuilder group)
        => group.Add(endpoint =>
        {
            var next = endpoint.RequestDelegate!;
            endpoint.RequestDelegate = http =>
            {
                var headers = http.RequestServices.GetRequiredService<IOptions<UserMessagesOptions>>().Value.SecurityHeaders;
                if (headers.Enabled)
                {
                    Write(http, headers);
                }

                return next(http);
            };
        });

    private static void Write(HttpContext http, UserMessagesSecurityHeaders headers)
    {
        var response = http.Response;
        Add(response, "X-Content-Type-Options", headers.ContentTypeOptions);
        Add(response, "X-Frame-Options", headers.FrameOptions);
        Add(response, "Referrer-Policy", headers.ReferrerPolicy);
        var page = http.GetEndpoint()?.Metadata.GetMetadata<PageMarker>() is not null;
        Add(response, "Content-Security-Policy", page ? AllowImportMap(headers.PageContentSecurityPolicy, http) : headers.ApiContentSecurityPolicy);
    }

    private static void Add(HttpResponse response, string name, string? value)
    {
        if (value is not null && !response.Headers.ContainsKey(name))
        {
            response.Headers[name] = value;
        }
    }

    /// <summary>The host's layout writes its import map inline (<c>&lt;script type="importmap"&gt;</c>): its hash joins <c>script-src</c>.</summary>
    private static string? AllowImportMap(string? policy, HttpContext http)
    {
        if (policy is null || http.GetEndpoint()?.Metadata.GetMetadata<ImportMapDefinition>() is not { } importMap)
        {
            return policy;
        }

        const string Directive = "script-src ";
        var at = policy.IndexOf(Directive, StringComparison.Ordinal);
        if (at < 0)
        {
            return policy;
        }

        var hash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(importMap.ToString())));
        return policy.Insert(at + Directive.Length, $"'sha256-{hash}' ");
    }
}
