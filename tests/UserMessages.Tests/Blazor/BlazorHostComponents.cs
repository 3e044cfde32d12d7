using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.AspNetCore.Components.Web;
using UserMessages.Components;

namespace UserMessages.Tests.Blazor;

/// <summary>A Blazor Web App's root component, as the template's App.razor and Routes.razor write it (in C#).</summary>
public sealed class HostApp : ComponentBase
{
    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.AddMarkupContent(0, "<!DOCTYPE html>");
        builder.OpenElement(1, "html");
        builder.AddAttribute(2, "lang", "en");
        builder.OpenElement(3, "head");
        builder.AddMarkupContent(4, "<link rel=\"stylesheet\" href=\"host.css\" />");
        builder.OpenComponent<HeadOutlet>(5);
        builder.CloseComponent();
        builder.CloseElement();
        builder.OpenElement(6, "body");
        builder.OpenComponent<Router>(7);
        builder.AddComponentParameter(8, nameof(Router.AppAssembly), typeof(HostApp).Assembly);
        builder.AddComponentParameter(9, nameof(Router.Found), (RenderFragment<RouteData>)(routeData => b =>
        {
            b.OpenComponent<RouteView>(0);
            b.AddComponentParameter(1, nameof(RouteView.RouteData), routeData);
            b.AddComponentParameter(2, nameof(RouteView.DefaultLayout), typeof(HostLayout));
            b.CloseComponent();
        }));
        builder.CloseComponent();
        builder.AddMarkupContent(10, "<script src=\"_framework/blazor.web.js\"></script>");
        builder.CloseElement();
        builder.CloseElement();
    }
}

/// <summary>The host's MainLayout: its nav menu, with the template's inline handler and the badge component as the README places it.</summary>
public sealed class HostLayout : LayoutComponentBase
{
    /// <summary>The handler of the template's <c>NavMenu.razor</c> (<c>&lt;div class="nav-scrollable" onclick="..."&gt;</c>).</summary>
    public const string NavMenuHandler = "document.querySelector('.navbar-toggler').click()";

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.OpenElement(0, "div");
        builder.AddAttribute(1, "class", "nav-scrollable");
        builder.AddAttribute(2, "onclick", NavMenuHandler);
        builder.OpenElement(3, "nav");
        builder.AddAttribute(4, "id", "host-nav");
        builder.OpenComponent<UserMessagesUnreadBadge>(5);
        builder.AddComponentParameter(6, nameof(UserMessagesUnreadBadge.LinkClass), "nav-link");
        builder.CloseComponent();
        builder.CloseElement();
        builder.CloseElement();
        builder.OpenElement(7, "article");
        builder.AddAttribute(8, "id", "host-content");
        builder.AddContent(9, Body);
        builder.CloseElement();
    }
}

/// <summary>Another layout of the host's, for <see cref="UserMessagesBlazorOptions.Layout"/>.</summary>
public sealed class OtherHostLayout : LayoutComponentBase
{
    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.OpenElement(0, "section");
        builder.AddAttribute(1, "id", "other-layout");
        builder.AddContent(2, Body);
        builder.CloseElement();
    }
}

/// <summary>One page of the host's own, so that its router has a route table.</summary>
[Route("/home")]
public sealed class HostHome : ComponentBase
{
    protected override void BuildRenderTree(RenderTreeBuilder builder) => builder.AddMarkupContent(0, "<h1 id=\"host-home\">Home</h1>");
}
