using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using UserMessages.Domain;
using UserMessages.IntegrationTests.Api;
using UserMessages.IntegrationTests.Infrastructure;

namespace UserMessages.IntegrationTests.Performance;

/// <summary>Editing and deleting one's own message (issue 22, item 3): in a conversation of <see cref="Load.Rows"/> messages, the last one Alice's, edited <see cref="Load.Rows"/> times before.</summary>
public sealed partial class StatementCountTests
{
    private async Task<IReadOnlyList<string>> EditPageAsync(Load load)
    {
        var (app, alice, bob) = await StartAsync();
        var (threadId, messageId) = await EditableAsync(app, alice, bob, load);
        var path = $"{Paths.Thread(threadId)}/messages/{messageId}/edit";
        await alice.GetPageAsync(path);

        var (page, statements) = await MeasureAsync(app, () => alice.GetPageAsync(path));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.NotNull(page.Find("#um-edit-form"));
        return statements;
    }

    private async Task<IReadOnlyList<string>> EditAsync(Load load)
    {
        var (app, alice, bob) = await StartAsync();
        var (threadId, messageId) = await EditableAsync(app, alice, bob, load);
        var page = await alice.GetPageAsync($"{Paths.Thread(threadId)}/messages/{messageId}/edit");

        var (response, statements) = await MeasureAsync(app, () => alice.SubmitFormAsync(page, "#um-edit-form", new Dictionary<string, string> { ["Content"] = "Changed my mind." }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("Changed my mind.", await app.WithDbAsync(db => db.Set<Message>().Where(m => m.Id == messageId).Select(m => m.Content).SingleAsync()));
        return statements;
    }

    private async Task<IReadOnlyList<string>> DeleteMessageAsync(Load load)
    {
        var (app, alice, bob) = await StartAsync();
        var (threadId, messageId) = await EditableAsync(app, alice, bob, load);
        var thread = await alice.GetPageAsync(Paths.Thread(threadId));

        var (response, statements) = await MeasureAsync(app, () => alice.PressAsync(thread, $"#message-{messageId} button[data-um-action='delete-message']"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(MessageKind.Deleted, await app.WithDbAsync(db => db.Set<Message>().Where(m => m.Id == messageId).Select(m => m.Kind).SingleAsync()));
        return statements;
    }

    private async Task<IReadOnlyList<string>> VersionsPageAsync(Load load)
    {
        var (app, alice, bob) = await StartAsync();
        var (threadId, messageId) = await EditableAsync(app, alice, bob, load);
        var path = $"{Paths.Thread(threadId)}/messages/{messageId}/versions";
        await bob.GetPageAsync(path);

        var (page, statements) = await MeasureAsync(app, () => bob.GetPageAsync(path));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(load.Rows, page.Document.QuerySelectorAll("#um-versions > li").Length);
        return statements;
    }

    private async Task<IReadOnlyList<string>> ApiEditAsync(Load load)
    {
        var (app, alice, bob) = await StartAsync();
        var (threadId, messageId) = await EditableAsync(app, alice, bob, load);
        await alice.UseAntiforgeryAsync();

        var (response, statements) = await MeasureAsync(app, () => alice.Http.PutAsJsonAsync($"{ApiSteps.Thread(threadId)}/messages/{messageId}", new { content = "Changed my mind." }));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        return statements;
    }

    private async Task<IReadOnlyList<string>> ApiDeleteMessageAsync(Load load)
    {
        var (app, alice, bob) = await StartAsync();
        var (threadId, messageId) = await EditableAsync(app, alice, bob, load);
        await alice.UseAntiforgeryAsync();

        var (response, statements) = await MeasureAsync(app, () => alice.Http.DeleteAsync($"{ApiSteps.Thread(threadId)}/messages/{messageId}"));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        return statements;
    }

    private async Task<IReadOnlyList<string>> ApiVersionsAsync(Load load)
    {
        var (app, alice, bob) = await StartAsync();
        var (threadId, messageId) = await EditableAsync(app, alice, bob, load);

        var (response, statements) = await MeasureAsync(app, () => bob.Http.GetAsync($"{ApiSteps.Thread(threadId)}/messages/{messageId}/versions"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return statements;
    }

    /// <summary>A conversation of <see cref="Load.Rows"/> messages whose last, Alice's, was sent just now and edited <see cref="Load.Rows"/> times.</summary>
    private static async Task<(long ThreadId, long MessageId)> EditableAsync(MessagesFactory app, BrowserClient alice, BrowserClient bob, Load load)
    {
        var threadId = await Seeder.ConversationAsync(app, bob.User, alice.User, load.Rows);
        var messageId = await app.WithDbAsync(async db =>
        {
            var id = await db.Set<Message>().Where(m => m.ThreadId == threadId && m.SenderId == alice.Id).MaxAsync(m => m.Id);
            var now = DateTime.UtcNow;
            await db.Set<Message>().Where(m => m.Id == id).ExecuteUpdateAsync(s => s.SetProperty(m => m.SentAt, now).SetProperty(m => m.EditedAt, now));
            await db.Set<MessageThread>().Where(t => t.Id == threadId).ExecuteUpdateAsync(s => s.SetProperty(t => t.LatestMessageAt, now));
            db.AddRange(Enumerable.Range(1, load.Rows).Select(i => new MessageEdit { MessageId = id, Content = $"Version {i}", ReplacedAt = now.AddSeconds(-i) }));
            await db.SaveChangesAsync();
            return id;
        });
        return (threadId, messageId);
    }
}
