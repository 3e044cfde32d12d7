using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace UserMessages.Web;

/// <summary>
/// The messaging pages' paths generated once per mount, page, path base and set of ids, then filled in; only for requests
/// whose route values are the package's own ids (docs/benchmarks.md, "The pages against the host's own page").
/// </summary>
internal sealed class LinkTemplates(LinkGenerator links)
{
    /// <summary>Enough for every page of a few mounts under a few path bases; past it, paths are generated each time.</summary>
    private const int MaxTemplates = 1000;

    /// <summary>Far above any id a page links to, so that a stand-in is never mistaken for a part of the path.</summary>
    private const long FirstStandIn = 7_919_000_000_000_000_000;

    private static readonly string[] PackageRouteValues = ["id", "messageId", "userId"];

    private readonly ConcurrentDictionary<(UserMessagesMount Mount, string Page, string PathBase, string Ids), Template?> templates = new();

    /// <summary>The path of <paramref name="page"/> with <paramref name="values"/>, or null when it is not one to keep as a template.</summary>
    public string? Find(HttpContext http, UserMessagesMount mount, string page, RouteValueDictionary? values)
    {
        if (!IdsOnly(values, out var ids) || !OwnRouteValuesOnly(http))
        {
            return null;
        }

        var key = (mount, page, http.Request.PathBase.Value ?? string.Empty, ids);
        if (!templates.TryGetValue(key, out var template))
        {
            template = Make(http, mount, page, values);
            if (templates.Count < MaxTemplates)
            {
                templates.TryAdd(key, template);
            }
        }

        return template?.Fill(values);
    }

    /// <summary>Whether every value given is a whole number or null (names the ids, in order, as the template's key).</summary>
    private static bool IdsOnly(RouteValueDictionary? values, out string ids)
    {
        ids = string.Empty;
        if (values is null)
        {
            return true;
        }

        foreach (var (name, value) in values)
        {
            if (value is null)
            {
                continue;
            }

            if (value is not long)
            {
                return false;
            }

            ids = ids.Length == 0 ? name : ids + "," + name;
        }

        return true;
    }

    private static bool OwnRouteValuesOnly(HttpContext http)
    {
        foreach (var name in http.Request.RouteValues.Keys)
        {
            if (Array.IndexOf(PackageRouteValues, name) < 0)
            {
                return false;
            }
        }

        return true;
    }

    private Template? Make(HttpContext http, UserMessagesMount mount, string page, RouteValueDictionary? values)
    {
        var standIns = new RouteValueDictionary();
        var names = new List<string>();
        foreach (var (name, value) in values ?? [])
        {
            if (value is not null)
            {
                standIns[name] = FirstStandIn + names.Count;
                names.Add(name);
            }
        }

        if (links.GetPathByName(http, mount.NameOf(page), standIns) is not { } path)
        {
            return null;
        }

        // The path cut where each stand-in stands; a stand-in found other than once (in the query, say) keeps no template.
        var parts = new List<string>();
        var order = new List<string>();
        var rest = path;
        while (true)
        {
            var (at, index) = names.Select((_, i) => (rest.IndexOf((FirstStandIn + i).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal), i))
                .Where(found => found.Item1 >= 0).DefaultIfEmpty((-1, -1)).MinBy(found => found.Item1);
            if (at < 0)
            {
                break;
            }

            parts.Add(rest[..at]);
            order.Add(names[index]);
            rest = rest[(at + (FirstStandIn + index).ToString(CultureInfo.InvariantCulture).Length)..];
        }

        parts.Add(rest);
        return order.Count == names.Count && order.Distinct().Count() == names.Count ? new Template([.. parts], [.. order]) : null;
    }

    /// <summary>A path cut where the ids go: <c>Parts[0] + id + Parts[1] + ...</c>.</summary>
    private sealed record Template(string[] Parts, string[] Names)
    {
        public string Fill(RouteValueDictionary? values)
        {
            if (Names.Length == 0)
            {
                return Parts[0];
            }

            var path = Parts[0];
            for (var i = 0; i < Names.Length; i++)
            {
                path += ((long)values![Names[i]]!).ToString(CultureInfo.InvariantCulture) + Parts[i + 1];
            }

            return path;
        }
    }
}
