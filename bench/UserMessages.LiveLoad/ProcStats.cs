using System.Globalization;

namespace UserMessages.LiveLoad;

/// <summary>What Linux's /proc tells of a process: CPU time and resident memory; zero for a process that is gone.</summary>
internal static class ProcStats
{
    /// <summary>Clock ticks a second of /proc's CPU times (USER_HZ, 100 on Linux).</summary>
    public const double TicksPerSecond = 100;

    /// <summary>User and system CPU time of a process in clock ticks, with its waited-for children's when asked.</summary>
    public static long Ticks(int pid, bool withChildren = false)
        => Fields(pid) is { } f ? Long(f[11]) + Long(f[12]) + (withChildren ? Long(f[13]) + Long(f[14]) : 0) : 0;

    /// <summary>The PostgreSQL server's CPU ticks: the postmaster with the backends that ended, and the live backends.</summary>
    public static long PostgresTicks(string? pidFile)
    {
        if (MainPid(pidFile) is not { } postmaster)
        {
            return 0;
        }

        var total = Ticks(postmaster, withChildren: true);
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && Fields(pid) is { } f && Long(f[1]) == postmaster)
            {
                total += Ticks(pid);
            }
        }

        return total;
    }

    /// <summary>The PostgreSQL server's memory in MB: the proportional set size (PSS, shared buffers split among the processes) of the postmaster and its backends.</summary>
    public static double PostgresPssMb(string? pidFile)
    {
        if (MainPid(pidFile) is not { } postmaster)
        {
            return 0;
        }

        var total = PssKb(postmaster);
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && Fields(pid) is { } f && Long(f[1]) == postmaster)
            {
                total += PssKb(pid);
            }
        }

        return total / 1024.0;
    }

    /// <summary>The first line of a pid file (PostgreSQL's postmaster.pid, Redis's pidfile), or null.</summary>
    public static int? MainPid(string? pidFile)
    {
        try
        {
            return pidFile is not null && File.Exists(pidFile) && int.TryParse(File.ReadLines(pidFile).FirstOrDefault()?.Trim(), out var pid) ? pid : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>Resident memory in MB (VmRSS), 0 when the process is gone.</summary>
    public static double RssMb(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is null ? 0 : Long(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024.0;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    /// <summary>The load averages over 1, 5 and 15 minutes, as /proc/loadavg has them.</summary>
    public static string LoadAverage() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

    private static long PssKb(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/smaps_rollup").FirstOrDefault(l => l.StartsWith("Pss:", StringComparison.Ordinal));
            return line is null ? 0 : Long(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]);
        }
        catch (IOException)
        {
            return 0;
        }
        catch (UnauthorizedAccessException)
        {
            return 0;
        }
    }

    private static string[]? Fields(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static long Long(string s) => long.Parse(s, CultureInfo.InvariantCulture);
}
