using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UserMessages.Sample;
using UserMessages.Sample.Data;

namespace UserMessages.Seeding;

/// <summary>
/// <c>dotnet run --project bench/UserMessages.Seeder -c Release -- --users U --threads-per-user N --messages-per-thread M</c>
/// (or <c>--site --users U --messages M</c>): migrates the sample's configured database (SQLite, or PostgreSQL or MariaDB
/// with <c>--Messages:Provider=...</c>), seeds it with <see cref="LoadSeeder"/> (or <see cref="SiteSeeder"/>), says what it did and exits.
/// </summary>
public static class SeedCommand
{
    /// <summary>The exit code for arguments that cannot be understood.</summary>
    public const int BadArguments = 2;

    /// <summary>The exit code when the database cannot be seeded as asked (e.g. <c>--site</c> on a database with users).</summary>
    public const int CannotSeed = 1;

    /// <summary>The two modes and their options.</summary>
    public const string Usage =
        "Usage: UserMessages.Seeder --users U --threads-per-user N --messages-per-thread M [--Messages:Provider=Postgres --ConnectionStrings:MessagesPostgres=...]\n"
        + "       UserMessages.Seeder --site --users U --messages M [...]   (an empty database shaped like a real site: see docs/benchmarks.md)";

    private static readonly string[] Options = ["users", "threads-per-user", "messages-per-thread"];
    private static readonly string[] SiteOptions = ["users", "messages"];

    // The web host's own settings may be given on the command line too; they are not the seeder's business.
    private static readonly string[] HostSettings = ["environment", "contentRoot", "applicationName"];

    /// <summary>Reads the seeder's options from its arguments; configuration arguments (<c>--Section:Key=value</c>) are left to the host.</summary>
    public static bool TryParse(IReadOnlyList<string> args, out SeedSize? size, out string? error)
    {
        var parsed = TryParse(args, out size, out var site, out error);
        if (parsed && site is not null)
        {
            error = "--site is a mode of its own.";
            return false;
        }

        return parsed;
    }

    /// <summary>Reads either mode's options: <paramref name="size"/> for the load mode, <paramref name="site"/> for <c>--site</c>.</summary>
    public static bool TryParse(IReadOnlyList<string> args, out SeedSize? size, out SiteSize? site, out string? error)
    {
        ArgumentNullException.ThrowIfNull(args);
        size = null;
        site = null;
        var isSite = args.Contains("--site", StringComparer.Ordinal);
        var options = isSite ? SiteOptions : Options;
        var values = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length == 2)
            {
                error = $"Unexpected argument '{arg}'.";
                return false;
            }

            if (arg == "--site")
            {
                continue;
            }

            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? arg[2..] : arg[2..equals];
            string? value = equals < 0 ? (i + 1 < args.Count ? args[++i] : null) : arg[(equals + 1)..];
            if (name.Contains(':', StringComparison.Ordinal) || HostSettings.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            if (!options.Contains(name, StringComparer.Ordinal))
            {
                error = isSite && Options.Contains(name, StringComparer.Ordinal) ? $"--{name} is not an option of --site (it takes --users and --messages)." : $"Unknown option '--{name}'.";
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

        if (options.FirstOrDefault(o => !values.ContainsKey(o)) is { } missing)
        {
            error = $"--{missing} is missing.";
            return false;
        }

        if (isSite)
        {
            var asked = new SiteSize(values["users"], values["messages"]);
            error = asked.Problem();
            site = error is null ? asked : null;
            return error is null;
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
        if (!TryParse(args, out var size, out var site, out var problem))
        {
            await errors.WriteLineAsync("UserMessages.Seeder: " + problem);
            await errors.WriteLineAsync(Usage);
            return BadArguments;
        }

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SampleDbContext>();
        var watch = Stopwatch.StartNew();
        // A database the sample has migrated already is left as it is (bench/bigdb.sh lets the sample migrate).
        if (!db.Database.IsRelational() || !(await db.Database.GetAppliedMigrationsAsync(cancellationToken)).Any() || (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
        {
            await db.Database.MigrateOrCreateAsync(cancellationToken);
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Migrated {db.Database.ProviderName} in {watch.Elapsed.TotalSeconds:0.0} s."));

        if (site is not null)
        {
            return await SeedSiteAsync(scope.ServiceProvider, site, output, errors, cancellationToken);
        }

        var result = await ActivatorUtilities.CreateInstance<LoadSeeder>(scope.ServiceProvider).SeedAsync(size!, cancellationToken);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Seeded in {result.Elapsed.TotalSeconds:0.0} s: {size!.Users:N0} users ({result.UsersCreated:N0} created, {result.UsersReused:N0} already there), "
            + $"{size.Threads:N0} threads ({size.ThreadsPerUser:N0} per user, {result.UnreadParticipants:N0} unread), {size.Messages:N0} messages ({size.MessagesPerThread:N0} per thread)."));
        await output.WriteLineAsync($"Sign in as {LoadSeeder.Email(1)} … {LoadSeeder.Email(size.Users)} with the password {LoadSeeder.Password}");
        return 0;
    }

    private static async Task<int> SeedSiteAsync(IServiceProvider services, SiteSize site, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        var seeder = ActivatorUtilities.CreateInstance<SiteSeeder>(services);
        SiteSeedResult result;
        try
        {
            result = await seeder.SeedAsync(site, (phase, elapsed) => output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{elapsed.TotalSeconds,7:0.0} s  {phase}")), cancellationToken);
        }
        catch (InvalidOperationException e) when (e.Message.StartsWith("--site", StringComparison.Ordinal))
        {
            await errors.WriteLineAsync("UserMessages.Seeder: " + e.Message);
            return CannotSeed;
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Seeded a site in {result.Elapsed.TotalSeconds:0.0} s: {site.Users:N0} users, {result.Threads:N0} threads, {site.Messages:N0} messages, "
            + $"{result.Participants:N0} participant rows ({result.UnreadParticipants:N0} unread)."));
        await output.WriteLineAsync($"Sign in as {LoadSeeder.Email(1)} (the most active) … {LoadSeeder.Email(site.Users)} with the password {LoadSeeder.Password}");
        return 0;
    }
}
