using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace UserMessages.LiveLoad;

/// <summary>The part of the hub's <c>messageSent</c> payload the tool reads.</summary>
internal sealed record LiveEvent(long ThreadId, long MessageId, string SenderId);

/// <summary>The part of the hub's <c>State(threadId)</c> answer the tool reads: the thread's newest message (null when not the user's).</summary>
internal sealed record ThreadState(int Unread, long? LatestMessageId);

/// <summary>An event that reached a user: whose connection, which thread, when (ms since the recorder started).</summary>
internal readonly record struct Arrival(int User, long ThreadId, double At);

/// <summary>A connection that closed, and when (ms) and where it was connected again (-1 when never).</summary>
internal sealed record Outage(int User, int FromInstance, double ClosedAt, string Reason)
{
    public double ReconnectedAt { get; set; } = -1;

    public int ToInstance { get; set; } = -1;
}

/// <summary>A <c>State</c> answer: the latest message of a thread a user learnt of at a time (ms).</summary>
internal readonly record struct StateSeen(int User, long ThreadId, double At, long LatestMessageId);

/// <summary>Everything the clients saw, timed on one clock.</summary>
internal sealed class LiveRecorder
{
    private readonly Stopwatch clock = Stopwatch.StartNew();

    /// <summary>Milliseconds since the recorder started.</summary>
    public double Now => clock.Elapsed.TotalMilliseconds;

    public ConcurrentDictionary<long, ConcurrentQueue<Arrival>> Arrivals { get; } = new();

    public ConcurrentQueue<Outage> Outages { get; } = new();

    public ConcurrentQueue<StateSeen> States { get; } = new();

    public int StateFailures;

    public string? FirstStateError;

    public void Arrived(int user, LiveEvent e) => Arrivals.GetOrAdd(e.MessageId, _ => new()).Enqueue(new Arrival(user, e.ThreadId, Now));
}

/// <summary>
/// One user's live connection: WebSockets only, negotiation skipped, the bearer token in the Authorization header of the upgrade
/// request (the .NET client puts AccessTokenProvider's token there). When it closes it connects again, to the next instance first.
/// </summary>
internal sealed class LiveClient(SeededUser user, IReadOnlyList<string> instances, LiveRecorder recorder, bool catchUp)
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private HubConnection? connection;
    private volatile bool stopping;

    public SeededUser User { get; } = user;

    public int Instance { get; private set; } = -1;

    public bool Connected => connection?.State == HubConnectionState.Connected;

    public async Task ConnectAsync(int instance, CancellationToken cancellationToken)
    {
        var hub = Build(instance);
        await hub.StartAsync(cancellationToken);
        connection = hub;
        Instance = instance;
    }

    /// <summary>Asks the hub for the state of each of the user's threads (when the client follows the catch-up rule).</summary>
    public async Task CatchUpAsync()
    {
        if (!catchUp || connection is not { State: HubConnectionState.Connected } hub || !await gate.WaitAsync(0))
        {
            return;
        }

        try
        {
            foreach (var thread in User.Threads)
            {
                var state = await hub.InvokeAsync<ThreadState?>("State", thread);
                if (state?.LatestMessageId is { } latest)
                {
                    recorder.States.Enqueue(new StateSeen(User.Index, thread, recorder.Now, latest));
                }
            }
        }
        catch (Exception e) when (e is HubException or InvalidOperationException or IOException or TaskCanceledException)
        {
            Interlocked.Increment(ref recorder.StateFailures);
            recorder.FirstStateError ??= e.Message;
        }
        finally
        {
            gate.Release();
        }
    }

    public async Task StopAsync()
    {
        stopping = true;
        if (connection is { } hub)
        {
            await hub.DisposeAsync();
        }
    }

    private HubConnection Build(int instance)
    {
        var hub = new HubConnectionBuilder()
            .WithUrl(instances[instance] + "/messages/hub", options =>
            {
                options.SkipNegotiation = true;
                options.Transports = HttpTransportType.WebSockets;
                options.AccessTokenProvider = () => Task.FromResult<string?>(User.Token);
            })
            .Build();
        hub.On<LiveEvent>("messageSent", e => recorder.Arrived(User.Index, e));
        hub.Closed += error =>
        {
            if (!stopping && ReferenceEquals(hub, connection))
            {
                var outage = new Outage(User.Index, instance, recorder.Now, error?.GetType().Name ?? "closed");
                recorder.Outages.Enqueue(outage);
                _ = ReconnectAsync(outage);
            }

            return Task.CompletedTask;
        };
        return hub;
    }

    /// <summary>Connects again, trying the other instances first, every 250 ms to 2 s until one accepts or the run stops.</summary>
    private async Task ReconnectAsync(Outage outage)
    {
        var wait = TimeSpan.FromMilliseconds(250);
        while (!stopping)
        {
            for (var i = 1; i <= instances.Count && !stopping; i++)
            {
                var next = (outage.FromInstance + i) % instances.Count;
                var hub = Build(next);
                try
                {
                    await hub.StartAsync();
                    var old = connection;
                    connection = hub;
                    Instance = next;
                    outage.ReconnectedAt = recorder.Now;
                    outage.ToInstance = next;
                    if (old is not null)
                    {
                        await old.DisposeAsync();
                    }

                    await CatchUpAsync();
                    return;
                }
                catch (Exception e) when (e is HttpRequestException or IOException or System.Net.WebSockets.WebSocketException or InvalidOperationException or TimeoutException or TaskCanceledException)
                {
                    await hub.DisposeAsync();
                }
            }

            await Task.Delay(wait);
            wait = TimeSpan.FromMilliseconds(Math.Min(wait.TotalMilliseconds * 2, 2000));
        }
    }
}
