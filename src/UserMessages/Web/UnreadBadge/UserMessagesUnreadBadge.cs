using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using UserMessages.Services;
using UserMessages.Users;
using UserMessages.ViewComponents;
using UserMessages.ViewModels;
using UserMessages.Web;
using UserMessages.Web.Blazor;

namespace UserMessages.Components;

/// <summary>
/// The unread-thread badge for a Razor component layout, such as a Blazor Web App's <c>NavMenu.razor</c>:
/// <c>&lt;UserMessagesUnreadBadge /&gt;</c>, with the view component's parameters and markup (its view,
/// or the host's override of it). Renders in static server rendering; nothing for anonymous visitors.
/// </summary>
public sealed class UserMessagesUnreadBadge : ComponentBase
{
    private string? html;

    /// <summary>Render only the count, to put inside a link of your own.</summary>
    [Parameter]
    public bool CountOnly { get; set; }

    /// <summary>CSS classes for the link instead of the package's look (e.g. <c>nav-link</c>).</summary>
    [Parameter]
    public string? LinkClass { get; set; }

    /// <summary>CSS classes for the count instead of the package's red pill (e.g. <c>badge rounded-pill text-bg-danger</c>).</summary>
    [Parameter]
    public string? CountClass { get; set; }

    /// <summary>The link's text instead of the translated "Messages".</summary>
    [Parameter]
    public string? Label { get; set; }

    [CascadingParameter]
    private HttpContext? Http { get; set; }

    [Inject]
    private IUserMessagesService Messages { get; set; } = null!;

    [Inject]
    private IUserDirectory Directory { get; set; } = null!;

    [Inject]
    private UserMessagesLinks Links { get; set; } = null!;

    [Inject]
    private IModelMetadataProvider Metadata { get; set; } = null!;

    /// <summary>Reads the count and renders the badge's view to HTML.</summary>
    /// <returns>When the badge is ready to render.</returns>
    protected override async Task OnParametersSetAsync()
    {
        html = null;
        var shape = new UnreadBadgeViewModel(0, string.Empty) { CountOnly = CountOnly, LinkClass = LinkClass, CountClass = CountClass, Label = Label };
        if (Http is not null && await UnreadBadgeModel.ReadAsync(Http, Messages, Directory, Links, shape) is { } model)
        {
            var viewData = new ViewDataDictionary<UnreadBadgeViewModel>(Metadata, new ModelStateDictionary()) { Model = model };
            (html, _, _) = await ViewHtml.RenderAsync(Http, UnreadBadgeModel.ViewPath, viewData, isMainPage: false);
        }
    }

    /// <summary>Writes the badge's HTML, or nothing.</summary>
    /// <param name="builder">The render tree.</param>
    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        if (html is not null)
        {
            builder.AddMarkupContent(0, html);
        }
    }
}
