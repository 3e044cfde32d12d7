using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Moq;
using UserMessages.Events;
using UserMessages.Services;
using UserMessages.Tests.Infrastructure;

namespace UserMessages.Tests.Events;

/// <summary>SPEC §5: handlers hear of every new thread and reply, after commit, and a failing handler never loses the message.</summary>
public sealed class MessageSentHandlerTests
{
    [Fact]
    public async Task NewThread_TellsTheHandlerOnce_WithWhatWasSent()
    {
        var handler = new Mock<IMessageSentHandler>();
        await using var host = await MessagingHost.StartAsync(configureServices: s => s.AddScoped(_ => handler.Object));
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");
        var carol = await host.CreateUserAsync("carol");

        var sent = await host.SendAsync(alice, [bob, carol, alice], subject: " Picnic ", content: "Saturday?\r\nBring bread.");

        var told = Assert.IsType<MessageSent>(Assert.Single(handler.Invocations).Arguments[0]);
        Assert.Equal(sent.ThreadId, told.ThreadId);
        Assert.Equal(sent.MessageId, told.MessageId);
        Assert.Equal(alice, told.SenderId);
        Assert.Equal(new[] { bob, carol }.Order(), told.RecipientIds.Order());
        Assert.Equal("Picnic", told.Subject);
        Assert.Equal("Saturday?\nBring bread.", told.Content);
        Assert.Equal(host.Clock.GetUtcNow().UtcDateTime, told.SentAt);
        Assert.False(told.IsReply);
    }

    [Fact]
    public async Task Reply_TellsTheHandlerOnce_NamingEveryOtherParticipant()
    {
        var handler = new Mock<IMessageSentHandler>();
        await using var host = await MessagingHost.StartAsync(configureServices: s => s.AddScoped(_ => handler.Object));
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");
        var carol = await host.CreateUserAsync("carol");
        var sent = await host.SendAsync(alice, [bob, carol], subject: "Picnic");
        handler.Invocations.Clear();

        var reply = await host.ReplyAsync(bob, sent.ThreadId, "I'll bring cheese.");

        var told = Assert.IsType<MessageSent>(Assert.Single(handler.Invocations).Arguments[0]);
        Assert.Equal(sent.ThreadId, told.ThreadId);
        Assert.Equal(reply.MessageId, told.MessageId);
        Assert.Equal(bob, told.SenderId);
        Assert.Equal(new[] { alice, carol }.Order(), told.RecipientIds.Order());
        Assert.Equal("Picnic", told.Subject);
        Assert.True(told.IsReply);
    }

    [Fact]
    public async Task Handler_IsToldAfterCommit_WithTheMessageSaved()
    {
        await using var host = await MessagingHost.StartAsync(
            configureServices: s => s.AddSingleton<CommitCheckingHandler.Log>(),
            configureBuilder: b => b.AddMessageSentHandler<CommitCheckingHandler>());
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");

        var sent = await host.SendAsync(alice, [bob]);
        var reply = await host.ReplyAsync(bob, sent.ThreadId);

        var log = host.Services.GetRequiredService<CommitCheckingHandler.Log>();
        Assert.Equal([$"{sent.MessageId}: committed, visible", $"{reply.MessageId}: committed, visible"], log.Lines);
    }

    [Fact]
    public async Task RefusedOrNotFoundMessages_AreNotTold()
    {
        var handler = new Mock<IMessageSentHandler>();
        await using var host = await MessagingHost.StartAsync(configureServices: s => s.AddScoped(_ => handler.Object));
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");
        var mallory = await host.CreateUserAsync("mallory");
        var sent = await host.SendAsync(alice, [bob]);
        handler.Invocations.Clear();

        await host.WithServiceAsync(s => s.StartThreadAsync(new NewThreadRequest(alice, [bob], "", "No subject")));
        await host.WithServiceAsync(s => s.ReplyAsync(bob, sent.ThreadId, "   "));
        await host.WithServiceAsync(s => s.ReplyAsync(mallory, sent.ThreadId, "Intruding"));

        Assert.Empty(handler.Invocations);
    }

    [Fact]
    public async Task AFailingHandler_DoesNotFailTheSend_TheMessageIsSaved_AndOtherHandlersAreStillTold()
    {
        var failing = new Mock<IMessageSentHandler>();
        failing.Setup(h => h.HandleAsync(It.IsAny<MessageSent>(), It.IsAny<CancellationToken>())).ThrowsAsync(new InvalidOperationException("SMTP is down"));
        var working = new Mock<IMessageSentHandler>();
        await using var host = await MessagingHost.StartAsync(configureServices: s =>
        {
            s.AddScoped(_ => failing.Object);
            s.AddScoped(_ => working.Object);
        });
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");

        var sent = await host.WithServiceAsync(s => s.StartThreadAsync(new NewThreadRequest(alice, [bob], "Hi", "Hello")));
        var reply = await host.WithServiceAsync(s => s.ReplyAsync(bob, sent.Value!.ThreadId, "Hello back"));

        Assert.True(sent.Succeeded);
        Assert.True(reply.Succeeded);
        Assert.Equal(new RowCounts(Threads: 1, Messages: 2, Participants: 2), await host.RowCountsAsync());
        Assert.Equal(2, working.Invocations.Count);
        Assert.Equal(1, await host.UnreadAsync(alice));
    }

    [Fact]
    public async Task AFailingHandler_IsLogged_WithoutTheMessageContent()
    {
        const string secret = "my secret plans for Tuesday";
        var failing = new Mock<IMessageSentHandler>();
        failing.Setup(h => h.HandleAsync(It.IsAny<MessageSent>(), It.IsAny<CancellationToken>())).ThrowsAsync(new InvalidOperationException("SMTP is down"));
        await using var host = await MessagingHost.StartAsync(MessagingHost.CreateBuilder().CaptureLogs().ConfigureServices(s => s.AddScoped(_ => failing.Object)));
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");

        await host.SendAsync(alice, [bob], content: secret);

        Assert.Contains(host.Logs.Entries, e => e.Level == LogLevel.Error && e.Exception is InvalidOperationException);
        Assert.DoesNotContain(host.Logs.Entries, e => e.Message.Contains(secret, StringComparison.Ordinal));
    }
}
