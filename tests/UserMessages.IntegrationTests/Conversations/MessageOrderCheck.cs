using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using UserMessages.IntegrationTests.Infrastructure;
using UserMessages.Services;
using UserMessages.Store;

namespace UserMessages.IntegrationTests.Conversations;

/// <summary>
/// SPEC §3.9 under load: many people reply at once while a reader pages forward from the last message it
/// saw; then the order shown must be the order stored, the reader must have missed nothing, and the
/// thread must be read for whoever wrote last and unread for everyone else.
/// </summary>
public static class MessageOrderCheck
{
    /// <summary>Runs the replies of <paramref name="writers"/> (clients signed in, with the antiforgery header) while <paramref name="reader"/> pages forward, then checks.</summary>
    public static async Task RunAsync(
        MessagesFactory app, long threadId, IReadOnlyList<(HttpClient Http, string UserId)> writers, (HttpClient Http, string UserId) reader, int repliesEach)
    {
        var seen = new List<long>();
        var first = await ReadAfterAsync(reader.Http, threadId, null, seen);
        using var inFlight = new SemaphoreSlim(16);
        var replies = writers.SelectMany(w => Enumerable.Range(1, repliesEach).Select(i => ReplyAsync(w.Http, threadId, $"{w.UserId} {i}", inFlight))).ToList();

        // The reader keeps paging forward from the last message it saw while the replies are written.
        var cursor = first;
        var all = Task.WhenAll(replies);
        while (!all.IsCompleted)
        {
            cursor = await ReadAfterAsync(reader.Http, threadId, cursor, seen);
        }

        Assert.All(await all, status => Assert.Equal(HttpStatusCode.Created, status));
        await ReadAfterAsync(reader.Http, threadId, cursor, seen);

        var stored = await app.WithDbAsync(db => db.Messages.AsNoTracking().Where(m => m.ThreadId == threadId)
            .OrderBy(m => m.SentAt).ThenBy(m => m.Id).Select(m => new { m.Id, m.SenderId, m.SentAt }).ToListAsync());
        Assert.Equal(1 + (writers.Count * repliesEach), stored.Count);

        // Shown (by time) in the order stored (by id): no message above one stored before it.
        Assert.Equal(stored.Select(m => m.Id).Order(), stored.Select(m => m.Id));

        // Paging forward from any message it had seen, the reader missed none and saw none twice.
        Assert.Equal(stored.Select(m => m.Id), seen);

        // The read state agrees with the last message shown (the reader has read everything: reading a thread marks it read).
        var last = stored[^1].SenderId;
        var unread = await app.WithDbAsync(db => db.ThreadParticipants.AsNoTracking().Where(p => p.ThreadId == threadId)
            .ToDictionaryAsync(p => p.UserId, p => p.IsUnread));
        Assert.False(unread[last], "whoever wrote the last message shown has the thread read");
        Assert.All(unread.Where(p => p.Key != last && p.Key != reader.UserId), p => Assert.True(p.Value, $"{p.Key} has the thread unread"));
    }

    /// <summary>Reads every message after <paramref name="cursor"/> (the first page when null) into <paramref name="seen"/>; returns the cursor of the last one.</summary>
    private static async Task<string?> ReadAfterAsync(HttpClient reader, long threadId, string? cursor, List<long> seen)
    {
        while (true)
        {
            var url = $"/messages/api/threads/{threadId}" + (cursor is null ? string.Empty : "?after=" + cursor);
            using var page = JsonDocument.Parse(await reader.GetStringAsync(url));
            var messages = page.RootElement.GetProperty("messages").EnumerateArray().ToList();
            foreach (var message in messages)
            {
                seen.Add(message.GetProperty("id").GetInt64());
            }

            if (messages.Count > 0)
            {
                var last = messages[^1];
                cursor = new KeysetCursor(last.GetProperty("sentAt").GetDateTime().ToUniversalTime(), last.GetProperty("id").GetInt64()).ToString();
            }

            if (page.RootElement.GetProperty("newerCursor").ValueKind == JsonValueKind.Null)
            {
                return cursor;
            }
        }
    }

    private static async Task<HttpStatusCode> ReplyAsync(HttpClient http, long threadId, string content, SemaphoreSlim inFlight)
    {
        await inFlight.WaitAsync();
        try
        {
            using var response = await http.PostAsJsonAsync($"/messages/api/threads/{threadId}/messages", new { content });
            return response.StatusCode;
        }
        finally
        {
            inFlight.Release();
        }
    }
}
