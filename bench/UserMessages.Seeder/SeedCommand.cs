using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UserMessages.Sample;
using UserMessages.Sample.Data;

namespace UserMessages.Seeding;

/// <summary>
/// <c>dotnet run --project bench/UserMessages.Seeder -c Release -- --users U --threads-per-user N --messages-per-thread M</c>:
/// migrates the sample's configured database (SQLite, or PostgreSQL or MariaDB with <c>--Messages:Provider=...</c>),
/// seeds it with <see cref="LoadSeeder"/>, says what it did and exits.
/// </summary>
public static class SeedCommand
{
    /// <summary>The exit code for arguments that cannot be understood.</summary>
    public const int BadArguments = 2;

    public const string Usage =
        "Usage: UserMessages.Seeder --users U --threads-per-user N --messages-per-thread M [--Messages:Provider=Postgres --ConnectionStrings:MessagesPostgres=...]";

    private static readonly string[] Options = ["users", "threads-per-user", "messages-per-thread"];

    // The web host's own settings may be given on the command line too; they are not the seeder's business.
    private static readonly string[] HostSettings = ["environment", "contentRoot", "applicationName"];

    /// <summary>Reads the seeder's options from its arguments; configuration arguments (<c>--Section:Key=value</c>) are left to the host.</summary>
    public static bool TryParse(IReadOnlyList<string> args, out SeedSize? size, out string? error)
    {
        ArgumentNullException.ThrowIfNull(args);
        size = null;
        var values = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length == 2)
            {
                error = $"Unexpected argument '{arg}'.";
                return false;
            }

            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? arg[2..] : arg[2..equals];
            string? value = equals < 0 ? (i + 1 < args.Count ? args[++i] : null) : arg[(equals + 1)..];
            if (name.Contains(':', StringComparison.Ordinal) || HostSettings.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            if (!Options.Contains(name, StringComparer.Ordinal))
            {
                error = $"Unknown option '--{name}'.";
                return false;
            }

            if (values.ContainsKey(name))
            {
                error = $"--{name} is given twice.";
                return false;
            }

            if (value is null)
            {
                error = $"--{name} needs a value.";
                return false;
            }

            if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                error = $"--{name} needs a whole number, not '{value}'.";
                return false;
            }

            values[name] = number;
        }

        if (Options.FirstOrDefault(o => !values.ContainsKey(o)) is { } missing)
        {
            error = $"--{missing} is missing.";
            return false;
        }

        var parsed = new SeedSize(values["users"], values["threads-per-user"], values["messages-per-thread"]);
        error = parsed.Problem();
        size = error is null ? parsed : null;
        return error is null;
    }

    /// <summary>Parses <paramref name="args"/>, migrates, seeds and reports; returns the process exit code.</summary>
    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output, TextWriter errors, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(errors);
        if (!TryParse(args, out var size, out var problem))
        {
            await errors.WriteLineAsync("UserMessages.Seeder: " + problem);
            await errors.WriteLineAsync(Usage);
            return BadArguments;
        }

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SampleDbContext>();
        var watch = Stopwatch.StartNew();
        await db.Database.MigrateOrCreateAsync(cancellationToken);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Migrated {db.Database.ProviderName} in {watch.Elapsed.TotalSeconds:0.0} s."));

        var result = await ActivatorUtilities.CreateInstance<LoadSeeder>(scope.ServiceProvider).SeedAsync(size!, cancellationToken);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Seeded in {result.Elapsed.TotalSeconds:0.0} s: {size!.Users:N0} users ({result.UsersCreated:N0} created, {result.UsersReused:N0} already there), "
            + $"{size.Threads:N0} threads ({size.ThreadsPerUser:N0} per user, {result.UnreadParticipants:N0} unread), {size.Messages:N0} messages ({size.MessagesPerThread:N0} per thread)."));
        await output.WriteLineAsync($"Sign in as {LoadSeeder.Email(1)} … {LoadSeeder.Email(size.Users)} with the password {LoadSeeder.Password}");
        return 0;
    }
}
