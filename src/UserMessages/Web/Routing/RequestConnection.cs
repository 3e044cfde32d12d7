using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using UserMessages.Storage;
using UserMessages.Store;

namespace UserMessages.Web.Routing;

/// <summary>
/// Keeps the request's database connection open from the start of a messaging endpoint to the end of its
/// response (a page's view included), so that a request opens it once (docs/benchmarks.md says why).
/// </summary>
internal static class RequestConnection
{
    /// <summary>Marks an endpoint's handler that never reads the database, so no connection is opened for it.</summary>
    [AttributeUsage(AttributeTargets.Method)]
    public sealed class NotNeededAttribute : Attribute;

    /// <summary>Adds the hold to every endpoint of <paramref name="group"/> but those whose handler is marked <see cref="NotNeededAttribute"/>.</summary>
    public static void AddTo(RouteGroupBuilder group)
        => group.AddEndpointFilterFactory(static (factory, next) => factory.MethodInfo.IsDefined(typeof(NotNeededAttribute), inherit: false) ? next : async context =>
        {
            var http = context.HttpContext;
            var connection = await http.RequestServices.GetRequiredService<UserMessagesDb>().OpenAsync(http.RequestAborted);
            object? result;
            try
            {
                result = await next(context);
            }
            catch
            {
                await connection.DisposeAsync();
                throw;
            }

            if (result is IRendersAfterTheEndpoint rendered)
            {
                rendered.Release = connection;
                return rendered;
            }

            await connection.DisposeAsync();
            return result;
        });
}

/// <summary>A result that still reads the database after the endpoint returns (a page's view): it disposes <see cref="Release"/> once written.</summary>
internal interface IRendersAfterTheEndpoint
{
    /// <summary>What to dispose when the result has been written: the request's open connection.</summary>
    IAsyncDisposable? Release { get; set; }
}
