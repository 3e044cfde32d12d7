using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using UserMessages.Sample;
using UserMessages.Sample.Data;

namespace UserMessages.Seeding;

/// <summary>
/// <c>dotnet run --project bench/UserMessages.Seeder -c Release -- --users U --threads-per-user N --messages-per-thread M</c>
/// fills the sample's database, configured as for the sample (Messages:Provider, ConnectionStrings:...), for load tests and benchmarks.
/// </summary>
internal static class SeederProgram
{
    public static async Task<int> Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddSampleDatabase();
        builder.Services.AddDefaultIdentity<IdentityUser>().AddEntityFrameworkStores<SampleDbContext>();
        builder.Services.AddUserMessages().AddEntityFrameworkStores<SampleDbContext>();
        await using var app = builder.Build();
        return await SeedCommand.RunAsync(app.Services, args, Console.Out, Console.Error);
    }
}
