using System.Text.Json;
using UserMessages.Domain;
using UserMessages.Services;
using UserMessages.Tests.Infrastructure;

namespace UserMessages.Tests.PersonalData;

/// <summary>Issue 3 §10: a user's data can be exported (JSON) on request: their threads, their own messages, blocks and settings.</summary>
public sealed class ExportUserDataTests
{
    [Fact]
    public async Task Export_ListsEveryThreadTheUserIsOrWasIn_WithOnlyTheirOwnMessages()
    {
        await using var host = await MessagingHost.StartAsync();
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");
        var carol = await host.CreateUserAsync("carol");
        var withAlice = await host.SendAsync(alice, [bob], "With alice", "a1");
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        await host.ReplyAsync(bob, withAlice.ThreadId, "b1");
        await host.ReplyAsync(alice, withAlice.ThreadId, "a2");
        var withCarol = await host.SendAsync(carol, [bob], "With carol", "c1");
        await host.ReplyAsync(bob, withCarol.ThreadId, "b2");
        await host.WithServiceAsync(s => s.LeaveThreadAsync(bob, withCarol.ThreadId));
        await host.SendAsync(alice, [carol], "Not bob's", "ac");

        var export = await host.WithServiceAsync(s => s.ExportUserDataAsync(bob));

        Assert.Equal(bob, export.UserId);
        Assert.Equal([withAlice.ThreadId, withCarol.ThreadId], export.Threads.Select(t => t.ThreadId).Order());
        var first = export.Threads.Single(t => t.ThreadId == withAlice.ThreadId);
        Assert.Equal("With alice", first.Subject);
        Assert.Equal(nameof(ParticipantState.Active), first.State);
        Assert.Equal(["b1"], first.Messages.Select(m => m.Content));
        var left = export.Threads.Single(t => t.ThreadId == withCarol.ThreadId);
        Assert.Equal(nameof(ParticipantState.Left), left.State);
        Assert.Equal(["b2"], left.Messages.Select(m => m.Content));
    }

    [Fact]
    public async Task Export_CarriesBlocksAndTheNotificationSetting_AndSerializesAsJson()
    {
        await using var host = await MessagingHost.StartAsync();
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");
        var carol = await host.CreateUserAsync("carol");
        await host.SendAsync(alice, [bob], "Hello", "alice's private words");
        await host.BlockAsync(bob, carol);
        await host.BlockAsync(carol, bob);
        await host.WithServiceAsync(async s => { await s.SetPreferencesAsync(new MessagingPreferences { UserId = bob, NotifyByEmail = false }); return 0; });

        var export = await host.WithServiceAsync(s => s.ExportUserDataAsync(bob));
        var json = JsonSerializer.Serialize(export);

        Assert.Equal([carol], export.BlockedUserIds);
        Assert.False(export.NotifyByEmail);
        using var document = JsonDocument.Parse(json);
        Assert.Equal(bob, document.RootElement.GetProperty(nameof(UserDataExport.UserId)).GetString());
        Assert.Equal(1, document.RootElement.GetProperty(nameof(UserDataExport.Threads)).GetArrayLength());
        Assert.False(document.RootElement.GetProperty(nameof(UserDataExport.NotifyByEmail)).GetBoolean());
        Assert.DoesNotContain("alice's private words", json, StringComparison.Ordinal);
        Assert.Equal(export.BlockedUserIds, JsonSerializer.Deserialize<UserDataExport>(json)!.BlockedUserIds);
    }

    [Fact]
    public async Task Export_OfAUserWithNoData_IsEmpty_WithTheDefaultSetting()
    {
        await using var host = await MessagingHost.StartAsync();
        var bob = await host.CreateUserAsync("bob");

        var export = await host.WithServiceAsync(s => s.ExportUserDataAsync(bob));

        Assert.Empty(export.Threads);
        Assert.Empty(export.BlockedUserIds);
        Assert.True(export.NotifyByEmail);
    }
}
