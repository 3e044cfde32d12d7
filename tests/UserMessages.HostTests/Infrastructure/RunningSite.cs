using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace UserMessages.HostTests.Infrastructure;

/// <summary>A host app running on Kestrel on a free loopback port, with what it writes to its console.</summary>
public sealed class RunningSite : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output;

    private RunningSite(Process process, StringBuilder output, Uri address)
    {
        this.process = process;
        this.output = output;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>Everything the app has written to its console so far.</summary>
    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    /// <summary>Starts <c>dotnet <paramref name="assembly"/></c> in <paramref name="folder"/> and waits until it answers.</summary>
    public static async Task<RunningSite> StartAsync(string assembly, string folder, IReadOnlyDictionary<string, string?> environment)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var process = Command.Start("dotnet", [assembly, "--urls", address.ToString().TrimEnd('/')], folder, environment, out var output);
        var site = new RunningSite(process, output, address);
        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new Xunit.Sdk.XunitException($"{assembly} stopped at start-up ({process.ExitCode}):\n{site.Output}");
            }

            try
            {
                await http.GetAsync("/");
                return site;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(250);
            }
        }

        await site.DisposeAsync();
        throw new Xunit.Sdk.XunitException($"{assembly} did not answer within two minutes:\n{site.Output}");
    }

    /// <summary>A browser-like client of the site for <paramref name="email"/>: cookies kept, redirects not followed.</summary>
    public Visitor NewVisitor(string email)
    {
        var cookies = new CookieContainer();
        var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = cookies }) { BaseAddress = Address };
        // The template's users have no public name: the pages show the part of the address before the @.
        return new Visitor(new BrowserClient(http, new TestUser(string.Empty, email, email.Split('@')[0])), cookies, Address);
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
