using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace UserMessages.Web.Blazor;

/// <summary>
/// Tells the host's router which page a request shows: the messaging page this request renders, else
/// what the host's own Razor component endpoints say (through the provider this one stands in front of).
/// </summary>
internal sealed class MessagingRoutingState(IRoutingStateProvider? hosts) : IRoutingStateProvider
{
    /// <summary>The messaging page this request renders, set just before the host's root component renders.</summary>
    public MessagingPageContent? Page { get; set; }

    public RouteData? RouteData => Page is { } page
        ? new RouteData(page.Layout is null ? typeof(MessagingPage) : typeof(MessagingPageInItsLayout), new Dictionary<string, object?> { [nameof(MessagingPage.Content)] = page })
        : hosts?.RouteData;

    /// <summary>
    /// Registers the state in front of Blazor's own, whichever of <c>AddRazorComponents</c> and
    /// <c>AddUserMessages</c> the host calls first: Blazor's is found at the first request, among the
    /// services registered by then under a type of their own.
    /// </summary>
    public static void AddTo(IServiceCollection services)
    {
        services.TryAddScoped(sp => new MessagingRoutingState(HostsState(services, sp)));
        if (!services.Any(d => d.ServiceType == typeof(IRoutingStateProvider) && d.ImplementationFactory?.Method.DeclaringType == typeof(MessagingRoutingState)))
        {
            services.AddScoped<IRoutingStateProvider>(Resolve);
        }
    }

    private static MessagingRoutingState Resolve(IServiceProvider services) => services.GetRequiredService<MessagingRoutingState>();

    private static IRoutingStateProvider? HostsState(IServiceCollection services, IServiceProvider provider)
        => services.LastOrDefault(d => d.ServiceType != typeof(IRoutingStateProvider) && d.ServiceType != typeof(MessagingRoutingState)
                && typeof(IRoutingStateProvider).IsAssignableFrom(d.ServiceType)) is { } hosts
            ? provider.GetService(hosts.ServiceType) as IRoutingStateProvider
            : null;
}
