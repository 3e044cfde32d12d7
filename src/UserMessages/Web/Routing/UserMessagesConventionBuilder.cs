using Microsoft.AspNetCore.Builder;

namespace UserMessages.Web.Routing;

/// <summary>Hands out the route group as a plain convention builder, so callers cannot add routes to it.</summary>
internal sealed class UserMessagesConventionBuilder(IEndpointConventionBuilder inner) : IEndpointConventionBuilder
{
    public void Add(Action<EndpointBuilder> convention) => inner.Add(convention);

    public void Finally(Action<EndpointBuilder> finallyConvention) => inner.Finally(finallyConvention);
}
