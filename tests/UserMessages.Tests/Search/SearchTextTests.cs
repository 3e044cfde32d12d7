using UserMessages.Tests.Infrastructure;

namespace UserMessages.Tests.Search;

/// <summary>Search matches text literally, whatever the alphabet: what the user typed is found where it stands.</summary>
public sealed class SearchTextTests
{
    [Fact]
    public async Task Search_FindsNonAsciiText_TypedAsItIsWritten()
    {
        await using var host = await MessagingHost.StartAsync();
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");
        var wanted = await host.SendAsync(alice, [bob], "Einkauf", "Bitte Äpfel und Öl mitbringen 🍎");
        await host.SendAsync(alice, [bob], "Other", "Apfel");

        Assert.Equal([wanted.ThreadId], (await host.SearchAsync(bob, "Äpfel")).Threads.Select(t => t.ThreadId));
        Assert.Equal([wanted.ThreadId], (await host.SearchAsync(bob, "Öl mit")).Threads.Select(t => t.ThreadId));
        Assert.Equal([wanted.ThreadId], (await host.SearchAsync(bob, "🍎")).Threads.Select(t => t.ThreadId));
    }
}
