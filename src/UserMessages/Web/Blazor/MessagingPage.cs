using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Components.Web;

namespace UserMessages.Web.Blazor;

/// <summary>A messaging page as the host's router shows it: the page's HTML (its Razor view, rendered first) and its title, in the router's default layout.</summary>
internal class MessagingPage : ComponentBase
{
    [Parameter]
    public MessagingPageContent Content { get; set; } = null!;

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        if (Content.Title is { Length: > 0 } title)
        {
            builder.OpenComponent<PageTitle>(0);
            builder.AddComponentParameter(1, nameof(PageTitle.ChildContent), (RenderFragment)(b => b.AddContent(0, title)));
            builder.CloseComponent();
        }

        builder.AddMarkupContent(2, Content.Html);
    }
}

/// <summary>A messaging page in the layout component named in the options, in place of the router's default layout.</summary>
[Layout(typeof(PageOnlyLayout))]
internal sealed class MessagingPageInItsLayout : MessagingPage
{
    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.OpenComponent<LayoutView>(0);
        builder.AddComponentParameter(1, nameof(LayoutView.Layout), Content.Layout);
        builder.AddComponentParameter(2, nameof(LayoutView.ChildContent), (RenderFragment)base.BuildRenderTree);
        builder.CloseComponent();
    }
}

/// <summary>No layout: the router's default one is replaced by the one <see cref="MessagingPageInItsLayout"/> names.</summary>
internal sealed class PageOnlyLayout : LayoutComponentBase
{
    protected override void BuildRenderTree(RenderTreeBuilder builder) => builder.AddContent(0, Body);
}

/// <summary>What a messaging page shows: its view's HTML, its title, and the layout component named in the options (null for the router's default).</summary>
internal sealed record MessagingPageContent(string Html, string? Title, Type? Layout);
