using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection.Extensions;
using UserMessages.Events;
using UserMessages.Filters;
using UserMessages.IntegrationTests.Infrastructure;

namespace UserMessages.IntegrationTests.Moderation;

/// <summary>
/// What the tests of filters, held messages and new accounts share: two filters that judge by a word in the text, a
/// new-account policy that names its new accounts, a recorder of moderation events, and the steps of a sender and a
/// moderator through the pages. The types are nested so that other test helpers of this namespace cannot clash with them.
/// </summary>
public static class FiltersTestKit
{
    /// <summary>The word that makes <see cref="HoldingFilter"/> hold a message.</summary>
    public const string HoldWord = "[hold]";

    /// <summary>The word that makes <see cref="RejectingFilter"/> reject a message.</summary>
    public const string RejectWord = "[reject]";

    /// <summary>The moderators' note of <see cref="HoldingFilter"/>.</summary>
    public const string HoldReason = "The test filter wants a second look.";

    /// <summary>The sentence the sender sees when <see cref="RejectingFilter"/> refuses.</summary>
    public const string RejectReason = "Messages about prices are not allowed here.";

    /// <summary>The role the sample's moderators have.</summary>
    public const string ModeratorRole = "Moderator";

    public const string Held = "/messages/moderation/held";
    public const string Log = "/messages/moderation/log";
    public const string Queue = "/messages/moderation";

    public static string HeldDecision(long heldId) => $"{Held}/{heldId.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>
    /// Adds, after the sample's own <see cref="NewAccountLinkFilter"/>, the holding filter then the rejecting one; the
    /// recorder of moderation events; the named new accounts in place of the directory's dates; and e-mail digests that
    /// do not fall due while a test runs (what waits in the outbox is what would be e-mailed).
    /// </summary>
    public static void AddTestFilters(IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IMessageFilter, HoldingFilter>());
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IMessageFilter, RejectingFilter>());
        services.AddSingleton<RecordedEvents>();
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IModerationEventHandler, RecordingHandler>());
        services.AddSingleton<NewAccounts>();
        services.RemoveAll<INewAccountPolicy>();
        services.AddScoped<INewAccountPolicy, NamedNewAccountPolicy>();
        services.Configure<UserMessagesOptions>(options =>
        {
            options.Notifications.QuietPeriod = TimeSpan.FromHours(1);
            options.Notifications.MaxDelay = TimeSpan.FromHours(2);
        });
    }

    /// <summary>Fills and sends the compose form as a browser would; returns the response, not followed.</summary>
    public static async Task<HttpResponseMessage> ComposeAsync(this BrowserClient browser, string to, string subject, string content)
    {
        var form = await browser.GetPageAsync(Paths.Create);
        return await browser.SubmitFormAsync(form, "#um-compose-form", MessagingSteps.ComposeFields(to, subject, content));
    }

    /// <summary>Sends the reply form of a thread; returns the response, not followed.</summary>
    public static async Task<HttpResponseMessage> SendReplyAsync(this BrowserClient browser, long threadId, string content)
    {
        var thread = await browser.GetPageAsync(Paths.Thread(threadId));
        Assert.Equal(HttpStatusCode.OK, thread.Status);
        return await browser.SubmitFormAsync(thread, "#um-reply-form", new Dictionary<string, string> { ["Content"] = content });
    }

    /// <summary>The ids of the "Awaiting review" items of a page (the Sent folder, a thread), in order.</summary>
    public static IReadOnlyList<long> AwaitingIds(this HtmlPage page)
        => page.Document.QuerySelectorAll("#um-awaiting-review [data-um-held-id]")
            .Select(e => long.Parse(e.GetAttribute("data-um-held-id")!, CultureInfo.InvariantCulture))
            .ToList();

    /// <summary>A held message's item in the moderators' list, or null.</summary>
    public static AngleSharp.Dom.IElement? HeldItem(this HtmlPage page, long heldId)
        => page.Find($"li[data-um-held-id='{heldId.ToString(CultureInfo.InvariantCulture)}']");

    /// <summary>Opens the held messages as a moderator and presses Approve or Reject on one, with a note; returns the response.</summary>
    public static async Task<HttpResponseMessage> DecideHeldAsync(this BrowserClient moderator, long heldId, string decision, string note)
    {
        var page = await moderator.GetPageAsync(Held);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var id = heldId.ToString(CultureInfo.InvariantCulture);
        return await moderator.PressAsync(page, $"li[data-um-held-id='{id}'] button[name='Decision'][value='{decision}']", fields =>
        {
            fields.RemoveAll(f => f.Key == "Note");
            fields.Add(new("Note", note));
        });
    }

    /// <summary>The row of the moderation log with <paramref name="note"/> (each test writes notes of its own), or null.</summary>
    public static async Task<AngleSharp.Dom.IElement?> LogRowAsync(this BrowserClient moderator, string note)
    {
        var log = await moderator.GetPageAsync(Log);
        Assert.Equal(HttpStatusCode.OK, log.Status);
        return log.Document.QuerySelectorAll("#um-log tbody tr").FirstOrDefault(r => r.TextContent.Contains(note, StringComparison.Ordinal));
    }

    /// <summary>A note no other test writes.</summary>
    public static string UniqueNote(string what) => $"{what} {Guid.NewGuid():N}";

    /// <summary>Holds a message whose text has <see cref="HoldWord"/>.</summary>
    public sealed class HoldingFilter : IMessageFilter
    {
        public ValueTask<MessageFilterResult> CheckAsync(MessageToFilter message, CancellationToken cancellationToken)
            => ValueTask.FromResult(message.Content.Contains(HoldWord, StringComparison.Ordinal) ? MessageFilterResult.Hold(HoldReason) : MessageFilterResult.Accept);
    }

    /// <summary>Rejects a message whose text has <see cref="RejectWord"/>.</summary>
    public sealed class RejectingFilter : IMessageFilter
    {
        public ValueTask<MessageFilterResult> CheckAsync(MessageToFilter message, CancellationToken cancellationToken)
            => ValueTask.FromResult(message.Content.Contains(RejectWord, StringComparison.Ordinal) ? MessageFilterResult.Reject(RejectReason) : MessageFilterResult.Accept);
    }

    /// <summary>The accounts the tests call new (the sample's Identity directory knows no creation dates).</summary>
    public sealed class NewAccounts
    {
        private readonly ConcurrentDictionary<string, bool> ids = new(StringComparer.Ordinal);

        public void Add(string userId) => ids[userId] = true;

        public bool Contains(string userId) => ids.ContainsKey(userId);
    }

    /// <summary>New are the accounts of <see cref="NewAccounts"/>.</summary>
    public sealed class NamedNewAccountPolicy(NewAccounts accounts) : INewAccountPolicy
    {
        public ValueTask<bool> IsNewAsync(string userId, CancellationToken cancellationToken) => ValueTask.FromResult(accounts.Contains(userId));
    }

    /// <summary>Every moderation event the app raised.</summary>
    public sealed class RecordedEvents
    {
        private readonly ConcurrentQueue<ModerationEvent> events = new();

        public IReadOnlyList<ModerationEvent> All => events.ToList();

        public void Add(ModerationEvent moderationEvent) => events.Enqueue(moderationEvent);
    }

    public sealed class RecordingHandler(RecordedEvents recorded) : IModerationEventHandler
    {
        public Task HandleAsync(ModerationEvent moderationEvent, CancellationToken cancellationToken)
        {
            recorded.Add(moderationEvent);
            return Task.CompletedTask;
        }
    }
}
