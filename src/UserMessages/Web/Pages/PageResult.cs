using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using UserMessages.Services;
using UserMessages.ViewModels;
using UserMessages.Web.Blazor;
using UserMessages.Web.Routing;

namespace UserMessages.Web.Pages;

/// <summary>Renders a bundled Razor view (or the host's override at the same path) from a minimal-API endpoint; in a Blazor Web App, inside its components.</summary>
internal sealed class PageResult(string viewPath, object model, int statusCode = StatusCodes.Status200OK) : IResult, IStatusCodeHttpResult, IRendersAfterTheEndpoint
{
    /// <summary>
    /// The action descriptor of every page's view context: the view executor only reads it, and a new one per
    /// request made a GUID and two dictionaries for nothing.
    /// </summary>
    private static readonly ActionDescriptor NoAction = new();

    public int? StatusCode => statusCode;

    /// <summary>For 429: sent as the <c>Retry-After</c> header, in whole seconds.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>The status code that tells a refused form apart: 429 when rate limited, 403 when suspended, else 400.</summary>
    public static int StatusFor(MessagingResult refusal) => refusal.Status switch
    {
        MessagingStatus.RateLimited => StatusCodes.Status429TooManyRequests,
        MessagingStatus.Suspended => StatusCodes.Status403Forbidden,
        _ => StatusCodes.Status400BadRequest,
    };

    public static PageResult Problem(int statusCode, string title, string detail)
        => new(ViewPaths.Problem, new ProblemViewModel(statusCode, title, detail), statusCode);

    public static PageResult NotFound()
        => Problem(StatusCodes.Status404NotFound, "Conversation not found", "This conversation does not exist, or you are not taking part in it.");

    /// <summary>When set (a GET with kept pages on), the page is rendered without the layout, kept, and then written in the layout.</summary>
    public KeepRequest? Keep { get; init; }

    /// <summary>Disposed once the view is written: the connection held open for the view's reads (see <see cref="RequestConnection"/>).</summary>
    public IAsyncDisposable? Release { get; set; }

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        try
        {
            await RenderAsync(httpContext);
        }
        finally
        {
            if (Release is { } release)
            {
                await release.DisposeAsync();
            }
        }
    }

    private async Task RenderAsync(HttpContext httpContext)
    {
        if (RetryAfter is { } wait)
        {
            httpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var services = httpContext.RequestServices;
        var metadata = services.GetRequiredService<IModelMetadataProvider>();
        var (path, shown) = (viewPath, model);
        if (Keep is { } keep && statusCode == StatusCodes.Status200OK)
        {
            var (body, left, hasLayout) = await ViewHtml.RenderAsync(httpContext, viewPath, new ViewDataDictionary(metadata, new ModelStateDictionary()) { Model = model }, isMainPage: false);
            if (hasLayout)
            {
                // An override that sets its layout itself rendered the whole page: it is sent as it is, and not kept.
                httpContext.Response.ContentType = "text/html; charset=utf-8";
                await httpContext.Response.WriteAsync(body, httpContext.RequestAborted);
                return;
            }

            (path, shown) = (ViewPaths.Kept, services.GetRequiredService<KeptPages>().Keep(httpContext, keep, body, [.. left]));
        }

        var viewData = new ViewDataDictionary(metadata, new ModelStateDictionary())
        {
            Model = shown,
        };
        if (services.GetRequiredService<UserMessagesLayout>().RootComponent is { } rootComponent)
        {
            await MessagingPageRenderer.RenderAsync(httpContext, rootComponent, path, viewData, statusCode);
            return;
        }

        var result = new ViewResult { ViewName = path, ViewData = viewData, StatusCode = statusCode };
        var context = new ActionContext(httpContext, httpContext.GetRouteData(), NoAction);
        await services.GetRequiredService<IActionResultExecutor<ViewResult>>().ExecuteAsync(context, result);
    }
}
