using UserMessages.Tests.Infrastructure;

namespace UserMessages.Tests.Notifications;

/// <summary>
/// Issue 3 §8: the digest carries a path to each thread. A host that uses the service API with
/// its own pages (nothing mapped by MapUserMessages) must still get its digests, without a path.
/// </summary>
public sealed class DigestLinkTests
{
    [Fact]
    public async Task DigestJob_InAHostThatMapsNoMessagingPages_StillHandsTheDigestToTheNotifier()
    {
        var (host, log) = await RecordingNotifier.StartHostAsync();
        await using var _ = host;
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");
        var sent = await host.SendAsync(alice, [bob], "Hi", "Are you there?");
        host.Clock.Advance(TimeSpan.FromMinutes(3));

        await host.SendDueDigestsAsync();

        var message = Assert.Single(Assert.Single(log.Digests).Messages);
        Assert.Equal(sent.ThreadId, message.ThreadId);
        Assert.Equal("Are you there?", message.Content);
        Assert.Null(message.ThreadPath);
    }
}
