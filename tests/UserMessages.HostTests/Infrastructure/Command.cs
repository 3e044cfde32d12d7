using System.Diagnostics;
using System.Text;

namespace UserMessages.HostTests.Infrastructure;

/// <summary>Runs a command line as a user at a terminal would, and fails the test with its output when it fails.</summary>
public static class Command
{
    /// <summary>Safety net for a command that hangs (a restore waiting on the network, say); not a measure of speed.</summary>
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromMinutes(10);

    /// <summary>Runs <paramref name="commandLine"/> with bash in <paramref name="folder"/>; returns its output.</summary>
    public static async Task<string> RunAsync(string commandLine, string folder, IReadOnlyDictionary<string, string?>? environment = null)
    {
        using var process = Start("bash", ["-c", commandLine], folder, environment, out var output);
        using var timeout = new CancellationTokenSource(GiveUpAfter);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new Xunit.Sdk.XunitException($"`{commandLine}` in {folder} did not finish in {GiveUpAfter}:\n{output}");
        }

        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new Xunit.Sdk.XunitException($"`{commandLine}` in {folder} failed ({process.ExitCode}):\n{output}");
        }

        return output.ToString();
    }

    /// <summary>Starts a process whose standard output and error go to <paramref name="output"/>.</summary>
    public static Process Start(string fileName, IEnumerable<string> arguments, string folder, IReadOnlyDictionary<string, string?>? environment, out StringBuilder output)
    {
        var info = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        // A child `dotnet` must not inherit the test host's MSBuild settings, or it builds with the test run's SDK state.
        foreach (var name in info.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || k.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            info.Environment.Remove(name);
        }

        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                info.Environment.Remove(name);
            }
            else
            {
                info.Environment[name] = value;
            }
        }

        var text = new StringBuilder();
        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (text) { text.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (text) { text.AppendLine(e.Data); } } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        output = text;
        return process;
    }
}
