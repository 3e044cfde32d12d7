using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewEngines;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace UserMessages.Web.Blazor;

/// <summary>
/// Renders a Razor view (the package's, or the host's override at its path) to HTML, for a Razor
/// component to show; with the view data as the view left it (its title, say).
/// </summary>
internal static class ViewHtml
{
    /// <param name="httpContext">The request.</param>
    /// <param name="viewPath">The view's path.</param>
    /// <param name="viewData">Its model and view data.</param>
    /// <param name="isMainPage">A page (with its _ViewStart and layout) rather than a partial or a view component's view.</param>
    /// <returns>The HTML, the view data as the view left it, and whether the HTML holds a layout (one the view set itself, when not a main page).</returns>
    public static async Task<(string Html, ViewDataDictionary ViewData, bool HasLayout)> RenderAsync(HttpContext httpContext, string viewPath, ViewDataDictionary viewData, bool isMainPage)
    {
        var services = httpContext.RequestServices;
        var found = services.GetRequiredService<ICompositeViewEngine>().GetView(executingFilePath: null, viewPath, isMainPage);
        if (!found.Success)
        {
            throw new InvalidOperationException($"The view '{viewPath}' was not found; searched: {string.Join(", ", found.SearchedLocations)}.");
        }

        await using var writer = new StringWriter(CultureInfo.InvariantCulture);
        var actionContext = new ActionContext(httpContext, httpContext.GetRouteData(), new ActionDescriptor());
        var tempData = services.GetRequiredService<ITempDataDictionaryFactory>().GetTempData(httpContext);
        var helperOptions = services.GetRequiredService<IOptions<MvcViewOptions>>().Value.HtmlHelperOptions;
        var context = new ViewContext(actionContext, found.View, viewData, tempData, writer, helperOptions);
        await found.View.RenderAsync(context);
        return (writer.ToString(), context.ViewData, found.View is RazorView { RazorPage.Layout.Length: > 0 });
    }
}
