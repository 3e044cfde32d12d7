using System.Net;

namespace UserMessages.LiveLoad;

/// <summary>
/// The load tool of issue 23 for the live updates and the sustained mixed load; bench/liveload.sh starts the servers and runs it.
/// </summary>
internal static class LiveLoadProgram
{
    public static async Task<int> Main(string[] args)
    {
        var (options, error) = LoadOptions.Parse(args);
        if (error is not null)
        {
            await Console.Error.WriteLineAsync(error + Environment.NewLine + LoadOptions.Usage);
            return 2;
        }

        // A thousand connections and hundreds of requests in flight: enough threads from the start, not after the pool's slow growth.
        ThreadPool.SetMinThreads(200, 200);
        Directory.CreateDirectory(options.Results);
        using var handler = new SocketsHttpHandler
        {
            UseCookies = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
        };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        return options.Mode == "mixed"
            ? await new MixedRun(options, http, Console.Out).RunAsync(cancel.Token)
            : await new LiveRun(options, http, Console.Out).RunAsync(cancel.Token);
    }
}
