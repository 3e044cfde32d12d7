using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticAssets.Infrastructure;

namespace UserMessages.Web.Routing;

/// <summary>
/// Gives the messaging endpoints the static-asset metadata that <c>MapRazorPages().WithStaticAssets()</c>
/// gives the host's pages, so the host's layout renders the same on both: its import map filled and its
/// <c>~/</c> links fingerprinted. Read when the endpoints are built, so <c>MapStaticAssets()</c> may come before or after.
/// </summary>
internal static class HostStaticAssets
{
    public static void AddTo(IEndpointConventionBuilder group, IEndpointRouteBuilder endpoints)
    {
        var metadata = new Lazy<object[]>(() => Resolve(endpoints), LazyThreadSafetyMode.ExecutionAndPublication);
        group.Add(endpoint =>
        {
            foreach (var item in metadata.Value)
            {
                endpoint.Metadata.Add(item);
            }
        });
    }

    private static object[] Resolve(IEndpointRouteBuilder endpoints)
    {
        if (!StaticAssetsEndpointDataSourceHelper.HasStaticAssetsDataSource(endpoints))
        {
            return [];
        }

        var resources = new List<ResourceAsset>();
        foreach (var descriptor in StaticAssetsEndpointDataSourceHelper.ResolveStaticAssetDescriptors(endpoints, manifestPath: null))
        {
            // A descriptor with selectors is another encoding of an asset listed already (gzip, brotli).
            if (descriptor.Selectors.Count > 0)
            {
                continue;
            }

            var properties = descriptor.Properties
                .Where(p => p.Name.Equals("label", StringComparison.OrdinalIgnoreCase) || p.Name.Equals("integrity", StringComparison.OrdinalIgnoreCase))
                .Select(p => new ResourceAssetProperty(p.Name.ToLowerInvariant(), p.Value))
                .ToList();
            resources.Add(new ResourceAsset(descriptor.Route, properties.Count > 0 ? properties : null));
        }

        resources.Sort((a, b) => string.CompareOrdinal(a.Url, b.Url));
        var collection = new ResourceAssetCollection(resources);
        return [collection, ImportMapDefinition.FromResourceCollection(collection)];
    }
}
