using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using UserMessages.Storage;
using UserMessages.Store;

namespace UserMessages.Web.Routing;

/// <summary>
/// Turns a database error caused by missing messaging tables into an exception that names them and
/// the commands that create them: the host's developer exception page shows it, its error page hides it.
/// The database's own exception is quoted, not attached, so that EF Core's database error page does not take its place.
/// </summary>
internal static class MissingTablesCheck
{
    public static void AddTo(RouteGroupBuilder group)
        => group.AddEndpointFilter(static async (context, next) =>
        {
            try
            {
                return await next(context);
            }
            catch (Exception exception) when (MissingTables.IsDatabaseError(exception) && !MissingTables.IsUnavailable(exception))
            {
                var http = context.HttpContext;
                var missing = await MissingTables.FindAsync(http.RequestServices.GetRequiredService<UserMessagesDb>().Context, http.RequestAborted);
                if (missing.Count == 0)
                {
                    throw;
                }

                throw new InvalidOperationException(
                    $"The database has no UserMessages tables ({string.Join(", ", missing)}). {MissingTables.Remedy} The database said: {exception.GetBaseException().Message}");
            }
        });
}
