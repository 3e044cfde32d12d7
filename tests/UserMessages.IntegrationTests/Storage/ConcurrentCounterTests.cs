using Microsoft.EntityFrameworkCore;
using UserMessages.Domain;
using UserMessages.IntegrationTests.Infrastructure;
using UserMessages.Services;

namespace UserMessages.IntegrationTests.Storage;

/// <summary>
/// Issue 19: a user's unread counter is created by the first message they get. When several people
/// write to them at the same moment, every message arrives and the badge counts each one, with the
/// SQL store and with the portable store, on every engine the suite runs on.
/// </summary>
public sealed class ConcurrentCounterTests
{
    private const int Senders = 6;
    private const int Rounds = 4;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task FirstMessagesToOneUser_SentAtOnce_AllArrive_AndTheCounterCountsEach(bool useProviderSql)
    {
        await using var app = new MessagesFactory(settings: new Dictionary<string, string> { ["Messages:Store:UseProviderSql"] = useProviderSql ? "true" : "false" });
        var senders = new List<TestUser>();
        for (var i = 0; i < Senders; i++)
        {
            senders.Add(await app.CreateUserAsync($"sender{i}@example.com"));
        }

        for (var round = 0; round < Rounds; round++)
        {
            var recipient = await app.CreateUserAsync($"recipient{round}@example.com");
            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var sends = senders.Select(sender => Task.Run(async () =>
            {
                await using var scope = app.Services.CreateAsyncScope();
                var service = scope.ServiceProvider.GetRequiredService<IUserMessagesService>();
                await start.Task;
                return await service.StartThreadAsync(new NewThreadRequest(sender.Id, [recipient.Id], $"Round {round}", $"Hello from {sender.UserName}"));
            })).ToList();
            start.SetResult();
            var results = await Task.WhenAll(sends);

            Assert.All(results, r => Assert.True(r.Succeeded, $"{r.Status} {string.Join(", ", r.Errors.Select(e => e.Code))}"));
            await using var scope = app.Services.CreateAsyncScope();
            Assert.Equal(Senders, await scope.ServiceProvider.GetRequiredService<IUserMessagesService>().CountUnreadAsync(recipient.Id));
            Assert.Equal(
                [Senders],
                await app.WithDbAsync(db => db.Set<MailboxCounter>().Where(c => c.UserId == recipient.Id).Select(c => c.UnreadThreads).ToListAsync()));
            Assert.Equal(Senders, await app.WithDbAsync(db => db.Set<ThreadParticipant>().CountAsync(p => p.UserId == recipient.Id && p.IsUnread)));
        }
    }
}
