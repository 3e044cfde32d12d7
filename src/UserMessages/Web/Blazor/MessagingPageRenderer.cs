using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace UserMessages.Web.Blazor;

/// <summary>
/// Renders a messaging page in a Blazor Web App: its Razor view to HTML, then the host's root component
/// (App.razor), whose router shows that HTML in the host's layout component, as it would one of its own pages.
/// </summary>
internal static class MessagingPageRenderer
{
    public static async Task RenderAsync(HttpContext httpContext, Type rootComponent, string viewPath, ViewDataDictionary viewData, int statusCode)
    {
        var (html, rendered, _) = await ViewHtml.RenderAsync(httpContext, viewPath, viewData, isMainPage: true);
        var services = httpContext.RequestServices;
        var layout = services.GetRequiredService<IOptions<UserMessagesOptions>>().Value.Blazor.Layout;
        services.GetRequiredService<MessagingRoutingState>().Page = new MessagingPageContent(html, rendered["Title"] as string, layout);
        await new RazorComponentResult(rootComponent) { StatusCode = statusCode }.ExecuteAsync(httpContext);
    }
}
