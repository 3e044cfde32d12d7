namespace UserMessages;

/// <summary>What <c>MapUserMessages</c> maps besides the pages: the JSON API and the live-updates hub, both on by default.</summary>
public sealed class UserMessagesEndpointOptions
{
    /// <summary>Whether the JSON API is mapped under <c>{prefix}/api</c>.</summary>
    public bool MapApi { get; set; } = true;

    /// <summary>Whether the live-updates SignalR hub is mapped at <c>{prefix}/hub</c>; without it the pages load no live-updates script.</summary>
    public bool MapLiveUpdates { get; set; } = true;
}
