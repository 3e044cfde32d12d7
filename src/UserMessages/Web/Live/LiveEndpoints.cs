using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Routing;
using UserMessages.Web;

namespace UserMessages.Web.Live;

/// <summary>Maps the live-updates hub inside a mount's route group (so it shares the group's authorization and conventions).</summary>
internal static class LiveEndpoints
{
    public static void MapHub(RouteGroupBuilder group, UserMessagesMount mount)
    {
        var name = mount.NameOf(PageNames.Hub);
        var hub = group.MapHub<UserMessagesHub>("/hub");

        // MapHub adds two endpoints (the hub and its /negotiate); only the hub itself is named, as names must be unique.
        hub.Add(endpoint =>
        {
            var negotiate = endpoint.Metadata.OfType<NegotiateMetadata>().Any()
                || (endpoint is RouteEndpointBuilder route && route.RoutePattern.RawText?.EndsWith("/negotiate", StringComparison.Ordinal) == true);
            if (!negotiate)
            {
                endpoint.Metadata.Add(new EndpointNameMetadata(name));
                endpoint.Metadata.Add(new RouteNameMetadata(name));
            }
        });
    }
}
