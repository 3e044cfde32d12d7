using Microsoft.EntityFrameworkCore;
using UserMessages.Domain;
using UserMessages.Services;

namespace UserMessages.Tests.Infrastructure;

/// <summary>The few steps most tests take, written once: send, reply, list, and look at the rows.</summary>
public static class MessagingHostExtensions
{
    public static async Task<SentMessage> SendAsync(
        this MessagingHost host, string senderId, IReadOnlyCollection<string> recipientIds, string subject = "Hello", string content = "How are you?")
    {
        var result = await host.WithServiceAsync(s => s.StartThreadAsync(new NewThreadRequest(senderId, recipientIds, subject, content)));
        Assert.True(result.Succeeded, Describe(result));
        return result.Value!;
    }

    public static async Task<SentMessage> ReplyAsync(this MessagingHost host, string userId, long threadId, string content = "Fine, thanks.")
    {
        var result = await host.WithServiceAsync(s => s.ReplyAsync(userId, threadId, content));
        Assert.True(result.Succeeded, Describe(result));
        return result.Value!;
    }

    public static async Task<FolderPage> FolderAsync(this MessagingHost host, string userId, MailboxFolder folder, PageRequest? page = null)
    {
        var result = await host.WithServiceAsync(s => s.GetFolderAsync(userId, folder, page ?? PageRequest.Newest));
        Assert.True(result.Succeeded, Describe(result));
        return result.Value!;
    }

    public static async Task<List<long>> FolderThreadIdsAsync(this MessagingHost host, string userId, MailboxFolder folder)
        => (await host.FolderAsync(userId, folder)).Threads.Select(t => t.ThreadId).ToList();

    public static async Task<ThreadPage> ThreadAsync(this MessagingHost host, string userId, long threadId, PageRequest? page = null)
    {
        var result = await host.WithServiceAsync(s => s.GetThreadAsync(userId, threadId, page ?? PageRequest.Newest));
        Assert.True(result.Succeeded, Describe(result));
        return result.Value!;
    }

    public static Task<int> UnreadAsync(this MessagingHost host, string userId)
        => host.WithServiceAsync(s => s.CountUnreadAsync(userId));

    public static Task<ThreadParticipant> ParticipantAsync(this MessagingHost host, long threadId, string userId)
        => host.WithDbAsync(db => db.ThreadParticipants.AsNoTracking().SingleAsync(p => p.ThreadId == threadId && p.UserId == userId));

    public static Task<RowCounts> RowCountsAsync(this MessagingHost host)
        => host.WithDbAsync(async db => new RowCounts(
            await db.MessageThreads.CountAsync(),
            await db.Messages.CountAsync(),
            await db.ThreadParticipants.CountAsync()));

    private static string Describe(MessagingResult result)
        => $"{result.Status}: {string.Join("; ", result.Errors.Select(e => $"{e.Code} ({e.Field}) {e.Description}"))}";
}

/// <summary>How many rows each messaging table holds.</summary>
public sealed record RowCounts(int Threads, int Messages, int Participants);
