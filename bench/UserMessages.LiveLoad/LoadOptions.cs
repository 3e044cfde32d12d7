using System.Globalization;

namespace UserMessages.LiveLoad;

/// <summary>The tool's settings, read from <c>--name value</c> arguments; bench/liveload.sh passes them.</summary>
internal sealed class LoadOptions
{
    public const string Usage =
        "Usage: UserMessages.LiveLoad --mode live|mixed --instances URL,URL --results DIR [--users N] [--rate R] [--duration S] [--warmup S] "
        + "[--grace S] [--fault-at S] [--fault-command CMD] [--fault-name NAME] [--probe-rate R] [--catch-up] [--app-pids PID,PID] "
        + "[--postgres-pid-file FILE] [--redis-pid-file FILE] [--sample-every S] [--read-share PERCENT] [--max-in-flight N] [--password P]";

    public string Mode { get; private set; } = "live";

    public IReadOnlyList<string> Instances { get; private set; } = [];

    public string Results { get; private set; } = "";

    public int Users { get; private set; } = 1000;

    /// <summary>Messages a second (live) or requests a second (mixed).</summary>
    public double Rate { get; private set; } = 50;

    public int Duration { get; private set; } = 300;

    /// <summary>Seconds of load before the measured window, for the JIT and the pools; not counted.</summary>
    public int Warmup { get; private set; } = 20;

    /// <summary>Seconds after the last send that an event may still arrive before it counts as lost.</summary>
    public int Grace { get; private set; } = 10;

    public int FaultAt { get; private set; } = 60;

    public string? FaultCommand { get; private set; }

    public string FaultName { get; private set; } = "none";

    /// <summary>Reads of the JSON inbox a second beside the sends (live mode), to see what reads do during a fault.</summary>
    public double ProbeRate { get; private set; }

    /// <summary>Whether each client asks the hub's <c>State(threadId)</c> for its threads after a reconnect and every 30 s.</summary>
    public bool CatchUp { get; private set; }

    public IReadOnlyList<int> AppPids { get; private set; } = [];

    public string? PostgresPidFile { get; private set; }

    public string? RedisPidFile { get; private set; }

    public int SampleEvery { get; private set; } = 10;

    /// <summary>The share of reads in mixed mode, in percent; the rest are replies.</summary>
    public int ReadShare { get; private set; } = 90;

    public string Password { get; private set; } = "Seed-pass-1";

    /// <summary>Mixed mode: at most this many requests waiting for an answer; a request due beyond it is not sent but counted (the instances are overloaded).</summary>
    public int MaxInFlight { get; private set; } = 64;

    /// <summary>Reads the arguments; returns the problem, or null when they are usable.</summary>
    public static (LoadOptions Options, string? Error) Parse(IReadOnlyList<string> args)
    {
        var o = new LoadOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name == "--catch-up")
            {
                o.CatchUp = true;
                continue;
            }

            if (!name.StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count)
            {
                return (o, $"'{name}' is not an option with a value.");
            }

            var value = args[++i];
            try
            {
                switch (name)
                {
                    case "--mode": o.Mode = value; break;
                    case "--instances": o.Instances = value.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(u => u.TrimEnd('/')).ToList(); break;
                    case "--results": o.Results = value; break;
                    case "--users": o.Users = int.Parse(value, CultureInfo.InvariantCulture); break;
                    case "--rate": o.Rate = double.Parse(value, CultureInfo.InvariantCulture); break;
                    case "--duration": o.Duration = int.Parse(value, CultureInfo.InvariantCulture); break;
                    case "--warmup": o.Warmup = int.Parse(value, CultureInfo.InvariantCulture); break;
                    case "--grace": o.Grace = int.Parse(value, CultureInfo.InvariantCulture); break;
                    case "--fault-at": o.FaultAt = int.Parse(value, CultureInfo.InvariantCulture); break;
                    case "--fault-command": o.FaultCommand = value; break;
                    case "--fault-name": o.FaultName = value; break;
                    case "--probe-rate": o.ProbeRate = double.Parse(value, CultureInfo.InvariantCulture); break;
                    case "--app-pids": o.AppPids = value.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToList(); break;
                    case "--postgres-pid-file": o.PostgresPidFile = value; break;
                    case "--redis-pid-file": o.RedisPidFile = value; break;
                    case "--sample-every": o.SampleEvery = int.Parse(value, CultureInfo.InvariantCulture); break;
                    case "--read-share": o.ReadShare = int.Parse(value, CultureInfo.InvariantCulture); break;
                    case "--password": o.Password = value; break;
                    case "--max-in-flight": o.MaxInFlight = int.Parse(value, CultureInfo.InvariantCulture); break;
                    default: return (o, $"Unknown option '{name}'.");
                }
            }
            catch (FormatException)
            {
                return (o, $"{name} needs a number, not '{value}'.");
            }
        }

        string? error = o.Mode is not ("live" or "mixed") ? "--mode is live or mixed."
            : o.Instances.Count == 0 ? "--instances is missing."
            : o.Results.Length == 0 ? "--results is missing."
            : o.Users < 2 ? "--users must be at least 2."
            : o.Rate <= 0 ? "--rate must be above 0."
            : o.Duration < 1 ? "--duration must be at least 1."
            : o.ReadShare is < 0 or > 100 ? "--read-share is a percentage."
            : o.AppPids.Count is not 0 && o.AppPids.Count != o.Instances.Count ? "--app-pids needs one pid per instance."
            : null;
        return (o, error);
    }
}
