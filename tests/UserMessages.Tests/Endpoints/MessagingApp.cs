using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using UserMessages.Tests.Infrastructure;

namespace UserMessages.Tests.Endpoints;

/// <summary>A real <see cref="WebApplication"/>, built (and started only where a test needs it), wired as a host would wire it.</summary>
internal static class MessagingApp
{
    public const string MembersPolicy = "Members";

    public static WebApplication Build(bool addUserMessages = true, bool addStores = true)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Logging.ClearProviders();

        // Only the links tests start the app (link generation sees endpoints once the pipeline is built): any free loopback port.
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddRouting();
        builder.Services.AddAuthorization(o => o.AddPolicy(MembersPolicy, p => p.RequireAuthenticatedUser()));
        builder.Services.AddDbContext<TestDbContext>(o => o.UseSqlite("Data Source=:memory:"));
        builder.Services.AddIdentityCore<IdentityUser>().AddEntityFrameworkStores<TestDbContext>();
        if (addUserMessages)
        {
            var messaging = builder.Services.AddUserMessages();
            if (addStores)
            {
                messaging.AddEntityFrameworkStores<TestDbContext>();
            }
        }

        return builder.Build();
    }

    public static IReadOnlyList<RouteEndpoint> Endpoints(this WebApplication app)
        => ((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>().ToList();
}
