using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewEngines;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.DependencyInjection;

namespace UserMessages.Web;

/// <summary>
/// Renders a partial view once per item of a list (a folder's rows, a thread's messages): the package's own
/// view is activated once and run for each item, a host's override is rendered as an ordinary partial per item.
/// </summary>
public static class UserMessagesPartials
{
    /// <summary>Renders the partial view at <paramref name="path"/> for each of <paramref name="models"/>, in order, into <paramref name="html"/>'s output.</summary>
    /// <typeparam name="TModel">The partial view's model type.</typeparam>
    /// <param name="html">The calling view's HTML helper.</param>
    /// <param name="path">The partial view's path, such as <c>/Areas/UserMessages/Views/Shared/_ThreadRow.cshtml</c>.</param>
    /// <param name="models">One model per rendering.</param>
    /// <returns>A task that completes when every item is written.</returns>
    public static async Task RenderEachAsync<TModel>(IHtmlHelper html, string path, IEnumerable<TModel> models)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(models);
        var view = html.ViewContext.HttpContext.RequestServices.GetRequiredService<ICompositeViewEngine>()
            .GetView(executingFilePath: null, path, isMainPage: false).View;
        if (view is not RazorView { RazorPage: RazorPage<TModel> page } || page.GetType().Assembly != typeof(UserMessagesPartials).Assembly)
        {
            foreach (var model in models)
            {
                await html.RenderPartialAsync(path, model);
            }

            return;
        }

        // One view context, and its view data, for every item: the package's views write nothing into them.
        ViewContext? context = null;
        foreach (var model in models)
        {
            if (context is null)
            {
                // The first item as any partial: this activates the page (its services, helpers and view data).
                context = new ViewContext(html.ViewContext, view, new ViewDataDictionary<TModel>(html.ViewData, model), html.ViewContext.Writer);
                await view.RenderAsync(context);
                continue;
            }

            context.ViewData.Model = model;
            context.ExecutingFilePath = page.Path;
            await page.ExecuteAsync();
        }
    }
}
