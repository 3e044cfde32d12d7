using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using UserMessages.ViewModels;

namespace UserMessages.Endpoints;

/// <summary>Renders a bundled Razor view (or the host's override at the same path) from a minimal-API endpoint.</summary>
internal sealed class PageResult(string viewPath, object model, int statusCode = StatusCodes.Status200OK) : IResult, IStatusCodeHttpResult
{
    public int? StatusCode => statusCode;

    public static PageResult Problem(int statusCode, string title, string detail)
        => new(ViewPaths.Problem, new ProblemViewModel(statusCode, title, detail), statusCode);

    public static PageResult NotFound()
        => Problem(StatusCodes.Status404NotFound, "Conversation not found", "This conversation does not exist, or you are not taking part in it.");

    public Task ExecuteAsync(HttpContext httpContext)
    {
        var services = httpContext.RequestServices;
        var viewData = new ViewDataDictionary(services.GetRequiredService<IModelMetadataProvider>(), new ModelStateDictionary())
        {
            Model = model,
        };
        var result = new ViewResult { ViewName = viewPath, ViewData = viewData, StatusCode = statusCode };
        var context = new ActionContext(httpContext, httpContext.GetRouteData(), new ActionDescriptor());
        return services.GetRequiredService<IActionResultExecutor<ViewResult>>().ExecuteAsync(context, result);
    }
}
