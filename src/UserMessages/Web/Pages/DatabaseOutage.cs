using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using UserMessages.Store;
using UserMessages.Web.Routing;

namespace UserMessages.Web.Pages;

/// <summary>
/// Answers 503 with <c>Retry-After</c> at once when the database cannot be reached (refused, restarting, a broken connection):
/// a page that says so, or problem JSON from the API. Nothing was half done: every write is one transaction, so the same form sent again sends once.
/// </summary>
internal static partial class DatabaseOutage
{
    /// <summary>What the answer suggests waiting before trying again.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    public const string Title = "Messages are unavailable";

    public const string Detail = "Your messages cannot be reached just now. Nothing was lost: try again in a moment.";

    public static void AddTo(RouteGroupBuilder group)
        => group.AddEndpointFilter(static async (context, next) =>
        {
            try
            {
                return await next(context);
            }
            catch (Exception exception) when (MissingTables.IsUnavailable(exception) && !context.HttpContext.RequestAborted.IsCancellationRequested)
            {
                var http = context.HttpContext;
                LogUnavailable(http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseOutage)), exception, http.Request.Path);
                http.Response.Headers.RetryAfter = ((int)RetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                return http.GetEndpoint()?.Metadata.GetMetadata<SecurityHeaders.PageMarker>() is not null
                    ? PageResult.Problem(StatusCodes.Status503ServiceUnavailable, Title, Detail)
                    : TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: Title, detail: Detail);
            }
        });

    [LoggerMessage(EventId = 30, Level = LogLevel.Warning, Message = "The database could not be reached for {Path}; answered 503.")]
    private static partial void LogUnavailable(ILogger logger, Exception exception, string path);
}
