using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace UserMessages.Web;

/// <summary>
/// The Blazor Web App root component the pages render in: the configured one, else the one the host
/// mapped with <c>MapRazorComponents&lt;App&gt;()</c>; null in a host without Razor components.
/// </summary>
internal sealed class UserMessagesComponentRoot(IOptions<UserMessagesOptions> options, IServiceProvider services)
{
    private Type? found;
    private bool looked;

    /// <summary>Looked up at the first page, when every endpoint of the app is mapped.</summary>
    public Type? Type
    {
        get
        {
            if (!looked)
            {
                found = options.Value.Blazor.RootComponent ?? Mapped();
                looked = true;
            }

            return found;
        }
    }

    private Type? Mapped()
        => services.GetService<EndpointDataSource>()?.Endpoints
            .Select(endpoint => endpoint.Metadata.GetMetadata<RootComponentMetadata>()?.Type)
            .FirstOrDefault(type => type is not null);
}
