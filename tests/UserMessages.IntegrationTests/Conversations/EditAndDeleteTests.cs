using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using UserMessages.Domain;
using UserMessages.Events;
using UserMessages.IntegrationTests.Api;
using UserMessages.IntegrationTests.Infrastructure;
using UserMessages.Notifications;

namespace UserMessages.IntegrationTests.Conversations;

/// <summary>
/// Issue 22, item 3: within 15 minutes (UserMessagesOptions.EditWindow) the sender edits their message (participants
/// see "edited" and its earlier versions) or deletes it (a "deleted a message" line stays); both reach open pages
/// live, and a notification still queued carries the latest text, or none once deleted. The app's clock stands still
/// unless a test moves it, its notifier records digests instead of sending them, and a handler of the host's records
/// every edit and deletion.
/// </summary>
public sealed class EditAndDeleteTests(SharedApp sharedApp) : MessagingTest(sharedApp), IClassFixture<SharedApp>
{
    private const string NotYours = "Only your own messages can be edited or deleted.";
    private const string Gone = "This message was deleted, so it cannot be changed.";
    private const string WindowOver = "A message can be edited or deleted for 15 minutes after it was sent; this one no longer can.";
    private const int RaceRounds = 10;

    private static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    private ManualClock Clock => App.Services.GetRequiredService<ManualClock>();

    [Fact]
    public async Task TheSender_SeesEditAndDeleteOnTheirOwnMessageOnly_AndTheEditFormComesFilledWithItsText()
    {
        var (threadId, alices) = await Alice.WritesAsync(Bob.UserName, "Saturday at noon?");
        await Bob.ReplyAsync(threadId, "Sounds good.");
        var bobs = (await Bob.ApiThreadMessagesAsync(threadId)).Single(m => m.SenderId == Bob.Id).Id;

        var alicesView = await Alice.GetPageAsync(Paths.Thread(threadId));
        var bobsView = await Bob.GetPageAsync(Paths.Thread(threadId));

        var own = alicesView.Single($"#message-{alices} [data-um-editable-until]");
        Assert.Equal(EditSteps.EditPage(threadId, alices), own.QuerySelector("a[data-um-action='edit']")?.GetAttribute("href"));
        Assert.NotNull(own.QuerySelector("form.um-message__delete-form button[data-um-action='delete-message']"));
        Assert.Equal(EditSteps.DeletePage(threadId, alices), own.QuerySelector("form.um-message__delete-form")!.GetAttribute("action"));
        Assert.Null(alicesView.Find($"#message-{bobs} [data-um-action='edit']"));
        Assert.Null(alicesView.Find($"#message-{bobs} [data-um-action='delete-message']"));
        Assert.Null(bobsView.Find($"#message-{alices} [data-um-action='edit']"));
        Assert.Null(bobsView.Find($"#message-{alices} [data-um-action='delete-message']"));
        Assert.NotNull(bobsView.Find($"#message-{bobs} [data-um-editable-until] a[data-um-action='edit']"));

        var form = await Alice.GetPageAsync(EditSteps.EditPage(threadId, alices));
        Assert.Equal(HttpStatusCode.OK, form.Status);
        var content = form.Single<IHtmlTextAreaElement>("#um-edit-form textarea#um-edit-content");
        Assert.Equal("Content", content.Name);
        Assert.Equal("Saturday at noon?", content.Value);
        Assert.NotNull(form.Find("#um-edit-form #um-edit-save"));
    }

    [Fact]
    public async Task SavingAnEdit_ShowsTheOtherParticipantTheNewTextMarkedEdited_AndTheVersionsPageTheOldText()
    {
        var (threadId, messageId) = await Alice.WritesAsync(Bob.UserName, "Saturday at noon?");

        var saved = await Alice.EditThroughThePageAsync(threadId, messageId, "Sunday at noon?");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(EditSteps.AtMessage(threadId, messageId), saved.Headers.Location!.OriginalString);
        var bobsView = await Bob.GetPageAsync(Paths.Thread(threadId));
        var message = bobsView.Single($"#message-{messageId}");
        Assert.Equal("Sunday at noon?", message.QuerySelector(".um-message__content")!.TextContent.Trim());
        var edited = message.QuerySelector("a[data-um-edited]");
        Assert.NotNull(edited);
        Assert.Contains("edited", edited.TextContent, StringComparison.Ordinal);
        Assert.Equal(EditSteps.VersionsPage(threadId, messageId), edited.GetAttribute("href"));
        Assert.DoesNotContain("Saturday at noon?", bobsView.Html, StringComparison.Ordinal);
        Assert.NotNull((await Alice.GetPageAsync(Paths.Thread(threadId))).Find($"#message-{messageId} a[data-um-edited]"));

        var versions = await Bob.GetPageAsync(EditSteps.VersionsPage(threadId, messageId));
        Assert.Equal(HttpStatusCode.OK, versions.Status);
        Assert.NotNull(versions.Find("[data-um-page='message-versions']"));
        Assert.Equal("Sunday at noon?", versions.Single($"#message-{messageId} .um-message__content").TextContent.Trim());
        var earlier = Assert.Single(versions.Document.QuerySelectorAll("#um-versions li[data-um-version]"));
        Assert.Equal("Saturday at noon?", earlier.QuerySelector(".um-message__content")!.TextContent.Trim());
        Assert.Null(versions.Find("#um-no-versions"));

        var (current, apiEarlier) = await Bob.ApiVersionsAsync(threadId, messageId);
        Assert.Equal(("text", "Sunday at noon?"), (current.Kind, current.Content));
        Assert.NotNull(current.EditedAt);
        var only = Assert.Single(apiEarlier);
        Assert.Equal("Saturday at noon?", only.Content);
        Assert.Contains("Saturday at noon?", only.Html, StringComparison.Ordinal);
        Assert.Equal(current.EditedAt, only.ReplacedAt);

        // A second edit keeps both earlier texts, newest first.
        Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.Redirect, (await Alice.EditThroughThePageAsync(threadId, messageId, "Sunday at one?")).StatusCode);
        var twice = await Bob.GetPageAsync(EditSteps.VersionsPage(threadId, messageId));
        Assert.Equal(
            ["Sunday at noon?", "Saturday at noon?"],
            twice.Document.QuerySelectorAll("#um-versions li[data-um-version] .um-message__content").Select(c => c.TextContent.Trim()));
        Assert.Equal(["Sunday at noon?", "Saturday at noon?"], (await Bob.ApiVersionsAsync(threadId, messageId)).Earlier.Select(v => v.Content));
    }

    [Fact]
    public async Task AnEditInMarkdown_IsShownFormatted()
    {
        var (threadId, messageId) = await Alice.WritesAsync(Bob.UserName, "Bring bread");

        Assert.Equal(HttpStatusCode.Redirect, (await Alice.EditThroughThePageAsync(threadId, messageId, "Bring **bread**")).StatusCode);

        var bobsView = await Bob.GetPageAsync(Paths.Thread(threadId));
        Assert.Equal("bread", bobsView.Single($"#message-{messageId} .um-message__content strong").TextContent);
        var api = await Bob.ApiMessageAsync(threadId, messageId);
        Assert.Equal("Bring **bread**", api.Content);
        Assert.Contains("<strong>bread</strong>", api.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<strong>", Assert.Single((await Bob.ApiVersionsAsync(threadId, messageId)).Earlier).Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeletingThroughThePage_LeavesAPlaceholderForBoth_AndTheTextAndItsEarlierVersionsAreGone()
    {
        var (threadId, messageId) = await Alice.WritesAsync(Bob.UserName, "The code is 4711");
        await Alice.UseAntiforgeryAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await Alice.ApiEditAsync(threadId, messageId, "The code is marzipan")).StatusCode);
        await Bob.ReplyAsync(threadId, "Got it.");
        Assert.Equal(1, await EditRowsAsync(messageId));
        Assert.Equal([threadId], (await Bob.SearchAsync("marzipan")).RowIds());

        var deleted = await Alice.DeleteThroughThePageAsync(threadId, messageId);

        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal(EditSteps.AtMessage(threadId, messageId), deleted.Headers.Location!.OriginalString);
        foreach (var viewer in new[] { Alice, Bob })
        {
            var page = await viewer.GetPageAsync(Paths.Thread(threadId));
            var line = page.Single($"#um-messages li#message-{messageId}");
            Assert.Equal("deleted", line.GetAttribute("data-um-kind"));
            Assert.Contains($"{Alice.DisplayName} deleted a message.", line.TextContent, StringComparison.Ordinal);
            Assert.DoesNotContain("The code is", page.Html, StringComparison.Ordinal);
            Assert.Contains("Got it.", page.Html, StringComparison.Ordinal);
            var api = await viewer.ApiMessageAsync(threadId, messageId);
            Assert.Equal(("deleted", string.Empty, string.Empty), (api.Kind, api.Content, api.Html));
            Assert.Null(api.EditableUntil);
        }

        var versions = await Bob.GetPageAsync(EditSteps.VersionsPage(threadId, messageId));
        Assert.Equal(HttpStatusCode.OK, versions.Status);
        Assert.NotNull(versions.Find("#um-no-versions"));
        Assert.Empty(versions.Document.QuerySelectorAll("li[data-um-version]"));
        Assert.DoesNotContain("The code is", versions.Html, StringComparison.Ordinal);
        var (current, earlier) = await Bob.ApiVersionsAsync(threadId, messageId);
        Assert.Equal(("deleted", string.Empty), (current.Kind, current.Content));
        Assert.Empty(earlier);
        Assert.Equal(0, await EditRowsAsync(messageId));
        Assert.Equal(string.Empty, await WithDbAsync(db => db.Messages.Where(m => m.Id == messageId).Select(m => m.Content).SingleAsync()));
        Assert.Empty((await Bob.SearchAsync("marzipan")).RowIds());

        // Deleted, it can be neither edited nor deleted again.
        var apiEdit = await Alice.ApiEditAsync(threadId, messageId, "The code is 1234");
        var apiDelete = await Alice.ApiDeleteAsync(threadId, messageId);
        var editPage = await Alice.GetPageAsync(EditSteps.EditPage(threadId, messageId));
        var pageEdit = await Alice.PostEditAsync(threadId, messageId, "The code is 1234");
        var pageDelete = await Alice.PostDeleteAsync(threadId, messageId);
        await AssertApiRefusedAsync(apiEdit, HttpStatusCode.BadRequest, Gone);
        await AssertApiRefusedAsync(apiDelete, HttpStatusCode.BadRequest, Gone);
        Assert.Equal(HttpStatusCode.BadRequest, editPage.Status);
        Assert.Contains(Gone, editPage.Single("#user-messages").TextContent, StringComparison.Ordinal);
        await AssertPageRefusedAsync(pageEdit, HttpStatusCode.BadRequest, Gone);
        await AssertPageRefusedAsync(pageDelete, HttpStatusCode.BadRequest, Gone);
        Assert.Equal("deleted", (await Bob.ApiMessageAsync(threadId, messageId)).Kind);
        Assert.Equal(0, await EditRowsAsync(messageId));
    }

    [Fact]
    public async Task SomeoneElsesMessage_CannotBeEditedOrDeleted_ThroughThePagesOrTheApi()
    {
        var (threadId, messageId) = await Alice.WritesAsync(Bob.UserName, "Alice wrote this");
        await Bob.UseAntiforgeryAsync();

        var editPage = await Bob.GetPageAsync(EditSteps.EditPage(threadId, messageId));
        var pageEdit = await Bob.PostEditAsync(threadId, messageId, "Bob wrote this");
        var pageDelete = await Bob.PostDeleteAsync(threadId, messageId);
        var apiEdit = await Bob.ApiEditAsync(threadId, messageId, "Bob wrote this");
        var apiDelete = await Bob.ApiDeleteAsync(threadId, messageId);

        Assert.Equal(HttpStatusCode.BadRequest, editPage.Status);
        Assert.Contains(NotYours, editPage.Single("#user-messages").TextContent, StringComparison.Ordinal);
        Assert.Null(editPage.Find("#um-edit-form"));
        await AssertPageRefusedAsync(pageEdit, HttpStatusCode.BadRequest, NotYours);
        await AssertPageRefusedAsync(pageDelete, HttpStatusCode.BadRequest, NotYours);
        await AssertApiRefusedAsync(apiEdit, HttpStatusCode.BadRequest, NotYours);
        await AssertApiRefusedAsync(apiDelete, HttpStatusCode.BadRequest, NotYours);
        await AssertUnchangedAsync(threadId, messageId, "Alice wrote this");
    }

    [Fact]
    public async Task ASystemLine_CannotBeEditedOrDeleted_EvenByThePersonItNames()
    {
        var (threadId, _) = await Alice.WritesAsync(Bob.UserName, "Party on Saturday");
        Assert.Equal(HttpStatusCode.Redirect, (await Alice.AddPeopleAsync(threadId, Carol.UserName)).StatusCode);
        var joined = (await Alice.GetPageAsync(Paths.Thread(threadId))).LineId("joined");
        await Alice.UseAntiforgeryAsync();

        var apiEdit = await Alice.ApiEditAsync(threadId, joined, "Alice added nobody");
        var apiDelete = await Alice.ApiDeleteAsync(threadId, joined);
        var pageEdit = await Alice.PostEditAsync(threadId, joined, "Alice added nobody");
        var pageDelete = await Alice.PostDeleteAsync(threadId, joined);

        await AssertApiRefusedAsync(apiEdit, HttpStatusCode.BadRequest, NotYours);
        await AssertApiRefusedAsync(apiDelete, HttpStatusCode.BadRequest, NotYours);
        await AssertPageRefusedAsync(pageDelete, HttpStatusCode.BadRequest, NotYours);
        await AssertPageRefusedAsync(pageEdit, HttpStatusCode.BadRequest, NotYours);
        var line = (await Bob.GetPageAsync(Paths.Thread(threadId))).Single($"#message-{joined}");
        Assert.Equal("joined", line.GetAttribute("data-um-kind"));
        Assert.Contains(Carol.DisplayName, line.TextContent, StringComparison.Ordinal);
        Assert.Equal("joined", (await Bob.ApiMessageAsync(threadId, joined)).Kind);
        Assert.Equal(0, await EditRowsAsync(joined));
    }

    [Fact]
    public async Task SomeoneOutsideTheThread_Gets404_AndNothingOfTheThread()
    {
        var (threadId, messageId) = await Alice.WritesAsync(Bob.UserName, "Just between us", subject: "Private matter");
        await Carol.UseAntiforgeryAsync();
        await Alice.UseAntiforgeryAsync();

        var responses = new Dictionary<string, HttpResponseMessage>
        {
            ["edit page"] = await Carol.Http.GetAsync(EditSteps.EditPage(threadId, messageId)),
            ["edit form"] = await Carol.PostEditAsync(threadId, messageId, "Carol was here"),
            ["delete form"] = await Carol.PostDeleteAsync(threadId, messageId),
            ["versions page"] = await Carol.Http.GetAsync(EditSteps.VersionsPage(threadId, messageId)),
            ["API edit"] = await Carol.ApiEditAsync(threadId, messageId, "Carol was here"),
            ["API delete"] = await Carol.ApiDeleteAsync(threadId, messageId),
            ["API versions"] = await Carol.Http.GetAsync(EditSteps.ApiVersions(threadId, messageId)),

            // A message id that is in none of Alice's threads is not found either.
            ["API edit of no message"] = await Alice.ApiEditAsync(threadId, messageId + 1_000_000, "Hello"),
        };

        foreach (var (what, response) in responses)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{what}: {(int)response.StatusCode} {body}");
            Assert.DoesNotContain("Private matter", body, StringComparison.Ordinal);
            Assert.DoesNotContain("Just between us", body, StringComparison.Ordinal);
        }

        await AssertUnchangedAsync(threadId, messageId, "Just between us");
    }

    [Fact]
    public async Task AParticipantWhoLeft_CanNoLongerChangeTheirMessage_404()
    {
        var threadId = await Alice.StartThreadAsync($"{Bob.UserName}, {Carol.UserName}", "Trip", "Where to?");
        await Carol.UseAntiforgeryAsync();
        var carols = await Carol.ApiSayAsync(threadId, "The sea, says Carol");
        Assert.Equal(HttpStatusCode.Redirect, (await Carol.PressThreadButtonAsync(threadId, "um-leave")).StatusCode);

        var responses = new Dictionary<string, HttpResponseMessage>
        {
            ["API edit"] = await Carol.ApiEditAsync(threadId, carols, "The mountains"),
            ["API delete"] = await Carol.ApiDeleteAsync(threadId, carols),
            ["edit form"] = await Carol.PostEditAsync(threadId, carols, "The mountains"),
            ["delete form"] = await Carol.PostDeleteAsync(threadId, carols),
        };

        foreach (var (what, response) in responses)
        {
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        await AssertUnchangedAsync(threadId, carols, "The sea, says Carol");
    }

    [Fact]
    public async Task AfterFifteenMinutes_TheMessageCanNoLongerBeChanged_AndItsButtonsAreGone()
    {
        var (threadId, messageId) = await Alice.WritesAsync(Bob.UserName, "First draft");
        await Alice.UseAntiforgeryAsync();
        Clock.Advance(Window - TimeSpan.FromSeconds(10));
        Assert.Equal(HttpStatusCode.NoContent, (await Alice.ApiEditAsync(threadId, messageId, "Second draft")).StatusCode);

        Clock.Advance(TimeSpan.FromSeconds(11));

        var thread = await Alice.GetPageAsync(Paths.Thread(threadId));
        Assert.Null(thread.Find($"#message-{messageId} [data-um-action='edit']"));
        Assert.Null(thread.Find($"#message-{messageId} [data-um-action='delete-message']"));
        Assert.NotNull(thread.Find($"#message-{messageId} a[data-um-edited]"));
        Assert.Null((await Alice.ApiMessageAsync(threadId, messageId)).EditableUntil);
        await AssertApiRefusedAsync(await Alice.ApiEditAsync(threadId, messageId, "Third draft"), HttpStatusCode.BadRequest, WindowOver);
        await AssertApiRefusedAsync(await Alice.ApiDeleteAsync(threadId, messageId), HttpStatusCode.BadRequest, WindowOver);
        await AssertPageRefusedAsync(await Alice.PostDeleteAsync(threadId, messageId), HttpStatusCode.BadRequest, WindowOver);

        // The edit form left open past the window comes back with the refusal and the text typed.
        var late = await Alice.PostEditAsync(threadId, messageId, "Third draft");
        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
        var form = await BrowserClient.ReadPageAsync(late);
        Assert.Contains(WindowOver, form.Single("#um-edit-content-error").TextContent, StringComparison.Ordinal);
        Assert.Equal("Third draft", form.Single<IHtmlTextAreaElement>("#um-edit-content").Value);

        var (current, earlier) = await Bob.ApiVersionsAsync(threadId, messageId);
        Assert.Equal(("text", "Second draft"), (current.Kind, current.Content));
        Assert.Equal(["First draft"], earlier.Select(v => v.Content));
    }

    [Fact]
    public async Task AnEmptyOrOverlongEdit_Answers400_WithTheFieldError_KeepsTheTypedText_AndChangesNothing()
    {
        var (threadId, messageId) = await Alice.WritesAsync(Bob.UserName, "Keep this");
        var tooLong = new string('x', 10_001);

        var blank = await Alice.EditThroughThePageAsync(threadId, messageId, "   ");
        var overlong = await Alice.EditThroughThePageAsync(threadId, messageId, tooLong);

        foreach (var (response, typed) in new[] { (blank, "   "), (overlong, tooLong) })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var form = await BrowserClient.ReadPageAsync(response);
            Assert.False(string.IsNullOrWhiteSpace(form.Single("#um-edit-form #um-edit-content-error").TextContent));
            var content = form.Single<IHtmlTextAreaElement>("#um-edit-content");
            Assert.Equal("true", content.GetAttribute("aria-invalid"));
            Assert.Equal(typed, content.Value);
        }

        await Alice.UseAntiforgeryAsync();
        var problem = await ApiSteps.AssertProblemAsync(await Alice.ApiEditAsync(threadId, messageId, string.Empty), HttpStatusCode.BadRequest);
        Assert.Contains("content", ApiSteps.FieldErrors(problem).Keys);
        await AssertUnchangedAsync(threadId, messageId, "Keep this");
    }

    [Fact]
    public async Task TwoEditsAtOnce_LoseNoVersion_AndDuplicateNone()
    {
        var (threadId, _) = await Alice.WritesAsync(Bob.UserName, "Ready?");
        await Alice.UseAntiforgeryAsync();

        for (var round = 0; round < RaceRounds; round++)
        {
            var (original, first, second) = ($"Original {round}", $"First {round}", $"Second {round}");
            var messageId = await Alice.ApiSayAsync(threadId, original);

            var responses = await Task.WhenAll(Alice.ApiEditAsync(threadId, messageId, first), Alice.ApiEditAsync(threadId, messageId, second));

            var saved = new List<string>();
            foreach (var (response, text) in responses.Zip([first, second]))
            {
                var body = await response.Content.ReadAsStringAsync();
                Assert.True(response.StatusCode is HttpStatusCode.NoContent or HttpStatusCode.BadRequest, $"Round {round}, '{text}': {(int)response.StatusCode} {body}");
                if (response.StatusCode == HttpStatusCode.NoContent)
                {
                    saved.Add(text);
                }
            }

            Assert.NotEmpty(saved);
            var (current, earlier) = await Bob.ApiVersionsAsync(threadId, messageId);
            Assert.Contains(current.Content, saved);
            string[] expected = saved.Count == 2 ? [saved.Single(t => t != current.Content), original] : [original];
            Assert.Equal(expected, earlier.Select(v => v.Content));
            Assert.Equal(expected.Length, await EditRowsAsync(messageId));
        }
    }

    [Fact]
    public async Task AnEditAndADeleteAtOnce_AlwaysEndDeleted_WithoutTextOrEarlierVersions()
    {
        var (threadId, _) = await Alice.WritesAsync(Bob.UserName, "Ready?");
        await Alice.UseAntiforgeryAsync();

        for (var round = 0; round < RaceRounds; round++)
        {
            var messageId = await Alice.ApiSayAsync(threadId, $"Original {round}");

            var edit = Alice.ApiEditAsync(threadId, messageId, $"Edited {round}");
            var delete = Alice.ApiDeleteAsync(threadId, messageId);
            await Task.WhenAll(edit, delete);

            var deleted = await delete;
            Assert.True(deleted.StatusCode == HttpStatusCode.NoContent, $"Round {round}, delete: {(int)deleted.StatusCode} {await deleted.Content.ReadAsStringAsync()}");
            var edited = await edit;
            if (edited.StatusCode != HttpStatusCode.NoContent)
            {
                // The deletion came first.
                await AssertApiRefusedAsync(edited, HttpStatusCode.BadRequest, Gone);
            }

            var (current, earlier) = await Bob.ApiVersionsAsync(threadId, messageId);
            Assert.Equal(("deleted", string.Empty, string.Empty), (current.Kind, current.Content, current.Html));
            Assert.Empty(earlier);
            Assert.Equal(0, await EditRowsAsync(messageId));
            var stored = await WithDbAsync(db => db.Messages.AsNoTracking().SingleAsync(m => m.Id == messageId));
            Assert.Equal((MessageKind.Deleted, string.Empty, (string?)null), (stored.Kind, stored.Content, stored.ContentHtml));
            var page = await Bob.GetPageAsync(Paths.Thread(threadId));
            Assert.Equal("deleted", page.Single($"#message-{messageId}").GetAttribute("data-um-kind"));
            Assert.DoesNotContain($"Edited {round}", page.Html, StringComparison.Ordinal);
            Assert.DoesNotContain($"Original {round}", page.Html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AQueuedNotification_CarriesTheLatestText_AndADeletedMessageLeavesNoneBehind()
    {
        var (threadId, first) = await Alice.WritesAsync(Bob.UserName, "Dinner at seven", subject: "Dinner");
        Assert.Equal(1, await PendingAsync(Bob, first));
        await Alice.UseAntiforgeryAsync();

        Assert.Equal(HttpStatusCode.NoContent, (await Alice.ApiEditAsync(threadId, first, "Dinner at eight")).StatusCode);
        var dropped = await Alice.ApiSayAsync(threadId, "Bring the red wine");
        var kept = await Alice.ApiSayAsync(threadId, "See you there");
        Assert.Equal(1, await PendingAsync(Bob, dropped));
        Assert.Equal(HttpStatusCode.NoContent, (await Alice.ApiDeleteAsync(threadId, dropped)).StatusCode);

        Assert.Equal(1, await PendingAsync(Bob, first));
        Assert.Equal(0, await PendingAsync(Bob, dropped));
        Assert.Equal(1, await PendingAsync(Bob, kept));
        await SendDueDigestsAsync();
        var digest = Assert.Single(App.Services.GetRequiredService<RecordedDigests>().All, d => d.Recipient.Id == Bob.Id);
        Assert.Equal([first, kept], digest.Messages.Select(m => m.MessageId));
        Assert.Equal(["Dinner at eight", "See you there"], digest.Messages.Select(m => m.Content));
        Assert.Equal(0, await WithDbAsync(db => db.PendingNotifications.CountAsync(n => n.RecipientId == Bob.Id)));
    }

    [Fact]
    public async Task AnEditAndADeletion_ReachTheOtherParticipantsOpenPageLive_AndTheHostsHandler_ButNoOneOutsideTheThread()
    {
        var (threadId, messageId) = await Alice.WritesAsync(Bob.UserName, "Meet at the station");
        var (carolsThread, carolsMessage) = await Alice.WritesAsync(Carol.UserName, "Hi Carol");
        await using var bob = await LiveChanges.ConnectAsync(App, Bob.User);
        await using var carol = await LiveChanges.ConnectAsync(App, Carol.User);
        await Alice.UseAntiforgeryAsync();

        Assert.Equal(HttpStatusCode.NoContent, (await Alice.ApiEditAsync(threadId, messageId, "Meet at the **harbour**")).StatusCode);
        var edited = await bob.NextEditAsync();
        Assert.Equal((threadId, messageId, "Meet at the **harbour**"), (edited.ThreadId, edited.MessageId, edited.Content));
        Assert.Contains("<strong>harbour</strong>", edited.Html, StringComparison.Ordinal);
        var stored = (await Bob.ApiMessageAsync(threadId, messageId)).EditedAt;
        Assert.NotNull(stored);
        Assert.InRange((edited.EditedAt.ToUniversalTime() - stored.Value).Duration(), TimeSpan.Zero, TimeSpan.FromMilliseconds(1));

        Assert.Equal(HttpStatusCode.NoContent, (await Alice.ApiDeleteAsync(threadId, messageId)).StatusCode);
        Assert.Equal(new LiveDeleteEvent(threadId, messageId), await bob.NextDeletionAsync());

        // Events to one connection arrive in order: Carol's first ones are those of her own thread.
        Assert.Equal(HttpStatusCode.NoContent, (await Alice.ApiEditAsync(carolsThread, carolsMessage, "Hi again, Carol")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await Alice.ApiDeleteAsync(carolsThread, carolsMessage)).StatusCode);
        var carolsEdit = await carol.NextEditAsync();
        Assert.Equal((carolsThread, carolsMessage), (carolsEdit.ThreadId, carolsEdit.MessageId));
        Assert.Equal(new LiveDeleteEvent(carolsThread, carolsMessage), await carol.NextDeletionAsync());

        var told = App.Services.GetRequiredService<RecordedChanges>().All.Where(c => c.MessageId == messageId).ToList();
        Assert.Collection(
            told,
            change =>
            {
                var e = Assert.IsType<MessageEdited>(change);
                Assert.Equal((threadId, Alice.Id, "Meet at the **harbour**"), (e.ThreadId, e.SenderId, e.Content));
                Assert.Equal(new[] { Alice.Id, Bob.Id }.Order(), e.ParticipantIds.Order());
            },
            change =>
            {
                var d = Assert.IsType<MessageDeleted>(change);
                Assert.Equal((threadId, Alice.Id), (d.ThreadId, d.SenderId));
                Assert.Equal(new[] { Alice.Id, Bob.Id }.Order(), d.ParticipantIds.Order());
            });
    }

    [Fact]
    public async Task TheThreadJson_SaysUntilWhenTheCallersOwnMessagesAreEditable_AndWhenOneWasEdited()
    {
        var (threadId, alices) = await Alice.WritesAsync(Bob.UserName, "Lunch?");
        await Bob.UseAntiforgeryAsync();
        var bobs = await Bob.ApiSayAsync(threadId, "Yes, at one");

        var alicesView = (await Alice.ApiThreadMessagesAsync(threadId)).ToDictionary(m => m.Id);
        var bobsView = (await Bob.ApiThreadMessagesAsync(threadId)).ToDictionary(m => m.Id);

        Assert.Equal(alicesView[alices].SentAt + Window, alicesView[alices].EditableUntil);
        Assert.Null(alicesView[bobs].EditableUntil);
        Assert.Null(bobsView[alices].EditableUntil);
        Assert.Equal(bobsView[bobs].SentAt + Window, bobsView[bobs].EditableUntil);
        Assert.All(alicesView.Values.Concat(bobsView.Values), m => Assert.Null(m.EditedAt));

        Clock.Advance(TimeSpan.FromMinutes(2));
        await Alice.UseAntiforgeryAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await Alice.ApiEditAsync(threadId, alices, "Lunch at one?")).StatusCode);
        var now = Clock.GetUtcNow().UtcDateTime;

        var aliceAfter = (await Alice.ApiThreadMessagesAsync(threadId)).ToDictionary(m => m.Id);
        var bobAfter = (await Bob.ApiThreadMessagesAsync(threadId)).ToDictionary(m => m.Id);
        foreach (var view in new[] { aliceAfter, bobAfter })
        {
            Assert.NotNull(view[alices].EditedAt);
            Assert.InRange((view[alices].EditedAt!.Value - now).Duration(), TimeSpan.Zero, TimeSpan.FromMilliseconds(1));
            Assert.Null(view[bobs].EditedAt);
        }

        // An edit does not extend the window.
        Assert.Equal(aliceAfter[alices].SentAt + Window, aliceAfter[alices].EditableUntil);
        Assert.Null(bobAfter[alices].EditableUntil);
    }

    [Fact]
    public async Task ASuspendedSender_CanNeitherEditNorDelete_403WithTheCodeMessagingSuspended()
    {
        var (threadId, messageId) = await Alice.WritesAsync(Bob.UserName, "Before the suspension");
        var now = Clock.GetUtcNow().UtcDateTime;
        await WithDbAsync(db =>
        {
            db.Add(new MessagingSuspension { UserId = Alice.Id, StartedAt = now, EndsAt = null, ModeratorId = Carol.Id, Reason = "Test" });
            return db.SaveChangesAsync();
        });
        await Alice.UseAntiforgeryAsync();

        foreach (var refused in new[] { await Alice.ApiEditAsync(threadId, messageId, "After"), await Alice.ApiDeleteAsync(threadId, messageId) })
        {
            var problem = await ApiSteps.AssertProblemAsync(refused, HttpStatusCode.Forbidden);
            Assert.Equal("MessagingSuspended", problem.GetProperty("code").GetString());
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await Alice.PostEditAsync(threadId, messageId, "After")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Alice.PostDeleteAsync(threadId, messageId)).StatusCode);
        await AssertUnchangedAsync(threadId, messageId, "Before the suspension");
    }

    [Fact]
    public async Task ApiEditsAndDeletions_AuthenticatedByTheCookieAlone_NeedTheAntiforgeryToken()
    {
        var (threadId, messageId) = await Alice.WritesAsync(Bob.UserName, "Keep me, please");
        using var aliceWithoutToken = App.CreateBrowser(Alice.User);

        var edit = await aliceWithoutToken.ApiEditAsync(threadId, messageId, "Forged");
        var delete = await aliceWithoutToken.ApiDeleteAsync(threadId, messageId);

        await ApiSteps.AssertProblemAsync(edit, HttpStatusCode.BadRequest);
        await ApiSteps.AssertProblemAsync(delete, HttpStatusCode.BadRequest);
        await AssertUnchangedAsync(threadId, messageId, "Keep me, please");
    }

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.Configure<UserMessagesOptions>(options =>
        {
            // Moving the clock must not make digests fall due by themselves: a test sends them when it wants to.
            options.Notifications.QuietPeriod = TimeSpan.FromDays(365);
            options.Notifications.MaxDelay = TimeSpan.FromDays(365);

            // The races send more messages in a minute than a person would.
            options.Limits.MessagesPerMinute = 1000;
        });
        ManualClock.Replace(services);
        services.AddSingleton<RecordedDigests>();
        services.AddSingleton<RecordedChanges>();

        // As a host registers its notifier and handler (the sample's AddUserMessages has run).
        services.AddUserMessages().AddMessageNotifier<RecordingNotifier>().AddMessageChangedHandler<RecordingChangedHandler>();
    }

    private static async Task AssertApiRefusedAsync(HttpResponseMessage response, HttpStatusCode status, string error)
    {
        var problem = await ApiSteps.AssertProblemAsync(response, status);
        Assert.Contains(error, EditSteps.AllErrors(problem));
    }

    private static async Task AssertPageRefusedAsync(HttpResponseMessage response, HttpStatusCode status, string error)
    {
        var page = await BrowserClient.ReadPageAsync(response);
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {page.Html}");
        Assert.Contains(error, page.Single("#user-messages").TextContent, StringComparison.Ordinal);
    }

    /// <summary>The message is as it was sent: its text, never edited, no earlier versions, for Bob (a participant of every thread here).</summary>
    private async Task AssertUnchangedAsync(long threadId, long messageId, string content)
    {
        var (current, earlier) = await Bob.ApiVersionsAsync(threadId, messageId);
        Assert.Equal(("text", content), (current.Kind, current.Content));
        Assert.Null(current.EditedAt);
        Assert.Empty(earlier);
        Assert.Equal(0, await EditRowsAsync(messageId));
    }

    private Task<int> EditRowsAsync(long messageId) => WithDbAsync(db => db.Set<MessageEdit>().CountAsync(e => e.MessageId == messageId));

    private Task<int> PendingAsync(BrowserClient recipient, long messageId)
        => WithDbAsync(db => db.PendingNotifications.CountAsync(n => n.RecipientId == recipient.Id && n.MessageId == messageId));

    /// <summary>Runs the digest job as if a year and more had passed, until it has nothing left to send.</summary>
    private async Task SendDueDigestsAsync()
    {
        var later = Clock.GetUtcNow().UtcDateTime.AddDays(400);
        for (var run = 0; run < 10; run++)
        {
            await using var scope = App.Services.CreateAsyncScope();
            if (await scope.ServiceProvider.GetRequiredService<NotificationDigestJob>().SendDueAsync(later, CancellationToken.None) == 0)
            {
                return;
            }
        }
    }
}
