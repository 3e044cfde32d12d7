using System.Net;
using UserMessages.IntegrationTests.Api;
using UserMessages.IntegrationTests.Infrastructure;

namespace UserMessages.IntegrationTests.Conversations;

/// <summary>
/// Issue 22, item 5: under each message the thread page shows "Seen by" with the others (never its sender, never the reader) whose
/// read mark is at or past it; a mark moves when its owner opens the thread (page or API) or writes in it. A personal setting,
/// on by default, shares read receipts: turned off, nobody sees the user's, and the user sees nobody's. The API's thread has the
/// same as <c>seenBy</c>.
/// </summary>
public sealed class ReadReceiptsTests(SharedApp sharedApp) : MessagingTest(sharedApp), IClassFixture<SharedApp>
{
    [Fact]
    public async Task OnceTheRecipientOpensTheThread_TheSenderSeesSeenByUnderHerMessage_AndTheRecipientNoReceiptOfHimself()
    {
        var (threadId, messageId) = await Alice.WritesAsync(Bob.UserName, "Saturday at noon?");

        var before = await Alice.GetPageAsync(Paths.Thread(threadId));
        Assert.Null(before.ReceiptOf(messageId));
        Assert.Equal("on", before.ReceiptsMode());
        Assert.Equal(Alice.Id, before.Single($"#message-{messageId}").GetAttribute("data-um-sender-id"));

        Assert.Equal(HttpStatusCode.OK, (await Bob.GetPageAsync(Paths.Thread(threadId))).Status);

        var after = await Alice.GetPageAsync(Paths.Thread(threadId));
        var receipt = after.ReceiptOf(messageId);
        Assert.NotNull(receipt);
        Assert.Equal($"Seen by {Bob.DisplayName}", receipt.Text);
        Assert.Equal([Bob.Id], receipt.Ids);

        var bobsView = await Bob.GetPageAsync(Paths.Thread(threadId));
        Assert.Equal("on", bobsView.ReceiptsMode());
        Assert.Null(bobsView.ReceiptOf(messageId));
        Assert.Empty(bobsView.AllReceipts());
    }

    [Fact]
    public async Task WritingInTheThread_MovesTheWritersOwnMark_SoTheEarlierMessagesShowThemAsSeen()
    {
        var (threadId, alices) = await Alice.WritesAsync(Bob.UserName, "Saturday at noon?");

        // Bob answers through the API without opening the thread page or reading the thread.
        await Bob.UseAntiforgeryAsync();
        var bobs = await Bob.ApiSayAsync(threadId, "Sounds good.");

        var alicesView = await Alice.GetPageAsync(Paths.Thread(threadId));
        Assert.Equal([Bob.Id], alicesView.ReceiptOf(alices)!.Ids);

        // Alice's opening the page (the thread was unread for her) moves her mark past Bob's reply.
        Assert.Null(alicesView.ReceiptOf(bobs));
        var bobsView = await Bob.GetPageAsync(Paths.Thread(threadId));
        Assert.Equal($"Seen by {Alice.DisplayName}", bobsView.ReceiptOf(bobs)!.Text);
        Assert.Equal([Alice.Id], bobsView.ReceiptOf(bobs)!.Ids);
        Assert.Null(bobsView.ReceiptOf(alices));
    }

    [Fact]
    public async Task InAGroup_EachReaderIsAddedAsTheyRead_AndANewerMessageHasNoReceiptUntilItIsRead()
    {
        var threadId = await Alice.StartThreadAsync($"{Bob.UserName}, {Carol.UserName}", "Dinner", "Friday at eight?");
        var first = Assert.Single(await Alice.ApiThreadMessagesAsync(threadId), m => m.Kind == "text").Id;

        await Bob.GetPageAsync(Paths.Thread(threadId));

        var bobOnly = (await Alice.GetPageAsync(Paths.Thread(threadId))).ReceiptOf(first);
        Assert.NotNull(bobOnly);
        Assert.Equal($"Seen by {Bob.DisplayName}", bobOnly.Text);
        Assert.Equal([Bob.Id], bobOnly.Ids);

        await Carol.GetPageAsync(Paths.Thread(threadId));

        var both = (await Alice.GetPageAsync(Paths.Thread(threadId))).ReceiptOf(first);
        Assert.NotNull(both);
        Assert.Equal(new[] { Bob.DisplayName, Carol.DisplayName }.Order(), both.Names.Order());
        Assert.Equal(new[] { Bob.Id, Carol.Id }.Order(), both.Ids.Order());

        // Each reader sees the other, never themselves.
        Assert.Equal([Carol.Id], (await Bob.GetPageAsync(Paths.Thread(threadId))).ReceiptOf(first)!.Ids);
        Assert.Equal($"Seen by {Bob.DisplayName}", (await Carol.GetPageAsync(Paths.Thread(threadId))).ReceiptOf(first)!.Text);

        // A newer message: the older keeps its receipt, the newer has none until someone reads it.
        await Alice.ReplyAsync(threadId, "Or Saturday?");
        var second = (await Alice.ApiThreadMessagesAsync(threadId)).Last().Id;
        Assert.NotEqual(first, second);

        var afterReply = await Alice.GetPageAsync(Paths.Thread(threadId));
        Assert.Equal(new[] { Bob.Id, Carol.Id }.Order(), afterReply.ReceiptOf(first)!.Ids.Order());
        Assert.Null(afterReply.ReceiptOf(second));

        await Bob.GetPageAsync(Paths.Thread(threadId));

        var bobReadSecond = await Alice.GetPageAsync(Paths.Thread(threadId));
        Assert.Equal(new[] { Bob.Id, Carol.Id }.Order(), bobReadSecond.ReceiptOf(first)!.Ids.Order());
        Assert.Equal($"Seen by {Bob.DisplayName}", bobReadSecond.ReceiptOf(second)!.Text);
        Assert.Equal([Bob.Id], bobReadSecond.ReceiptOf(second)!.Ids);
    }

    [Fact]
    public async Task SharingTurnedOffInTheSettings_HidesTheUsersSeeing_AndShowsThemNoReceipts_UntilTurnedBackOn()
    {
        Assert.True((await Bob.GetPageAsync(MailboxPaths.Settings)).SharesReadReceipts());

        var saved = await Bob.ShareReadReceiptsAsync(false);

        Assert.NotNull(saved.Find("#um-saved"));
        Assert.False(saved.SharesReadReceipts());
        Assert.True(saved.Single<AngleSharp.Html.Dom.IHtmlInputElement>("#um-notify").IsChecked);
        Assert.False((await Bob.GetPageAsync(MailboxPaths.Settings)).SharesReadReceipts());

        var threadId = await Alice.StartThreadAsync($"{Bob.UserName}, {Carol.UserName}", "Dinner", "Friday at eight?");
        var message = Assert.Single(await Alice.ApiThreadMessagesAsync(threadId), m => m.Kind == "text").Id;
        await Carol.GetPageAsync(Paths.Thread(threadId));
        await Bob.GetPageAsync(Paths.Thread(threadId));

        // Alice sees Carol's seeing, not Bob's; Carol sees nobody's (Bob's is hidden, her own is never shown to her).
        var alicesView = await Alice.GetPageAsync(Paths.Thread(threadId));
        Assert.Equal($"Seen by {Carol.DisplayName}", alicesView.ReceiptOf(message)!.Text);
        Assert.Equal([Carol.Id], alicesView.ReceiptOf(message)!.Ids);
        Assert.Empty((await Carol.GetPageAsync(Paths.Thread(threadId))).AllReceipts());

        // Bob sees none of the others' either, though Carol has seen Alice's message.
        var bobsView = await Bob.GetPageAsync(Paths.Thread(threadId));
        Assert.Equal("off", bobsView.ReceiptsMode());
        Assert.Empty(bobsView.AllReceipts());

        // Bob's reply moves his mark, still unshown; his own message shows him no receipt though Alice and Carol read it.
        await Bob.ReplyAsync(threadId, "Friday works.");
        var bobs = (await Alice.ApiThreadMessagesAsync(threadId)).Last().Id;
        await Alice.GetPageAsync(Paths.Thread(threadId));
        await Carol.GetPageAsync(Paths.Thread(threadId));
        var bobsLater = await Bob.GetPageAsync(Paths.Thread(threadId));
        Assert.Empty(bobsLater.AllReceipts());
        Assert.DoesNotContain("Seen by", bobsLater.Single("#user-messages").TextContent, StringComparison.Ordinal);

        // Turned back on: his seeing shows again where his mark is, and he sees the others'.
        var on = await Bob.ShareReadReceiptsAsync(true);
        Assert.True(on.SharesReadReceipts());

        var alicesAfter = await Alice.GetPageAsync(Paths.Thread(threadId));
        Assert.Equal(new[] { Bob.Id, Carol.Id }.Order(), alicesAfter.ReceiptOf(message)!.Ids.Order());
        var bobsAfter = await Bob.GetPageAsync(Paths.Thread(threadId));
        Assert.Equal("on", bobsAfter.ReceiptsMode());
        Assert.Equal([Carol.Id], bobsAfter.ReceiptOf(message)!.Ids);
        Assert.Equal(new[] { Alice.DisplayName, Carol.DisplayName }.Order(), bobsAfter.ReceiptOf(bobs)!.Names.Order());
    }

    [Fact]
    public async Task TheApisThread_ListsSeenBy_AndNothingForACallerWhoTurnedSharingOff()
    {
        var (threadId, messageId) = await Alice.WritesAsync(Bob.UserName, "Saturday at noon?");
        using (var unread = await Alice.GetJsonAsync(ApiSteps.Thread(threadId)))
        {
            Assert.Empty(ReceiptSteps.ApiSeenBy(unread, messageId));
        }

        // Bob reads the thread through the API, which moves his mark as the page does.
        using (var bobsRead = await Bob.GetJsonAsync(ApiSteps.Thread(threadId)))
        {
            Assert.Empty(ReceiptSteps.ApiSeenBy(bobsRead, messageId));
        }

        using (var seen = await Alice.GetJsonAsync(ApiSteps.Thread(threadId)))
        {
            Assert.Equal([(Bob.Id, Bob.DisplayName)], ReceiptSteps.ApiSeenBy(seen, messageId));
        }

        Assert.Equal([Bob.Id], (await Alice.GetPageAsync(Paths.Thread(threadId))).ReceiptOf(messageId)!.Ids);

        await Alice.ShareReadReceiptsAsync(false);

        using (var off = await Alice.GetJsonAsync(ApiSteps.Thread(threadId)))
        {
            Assert.Empty(ReceiptSteps.ApiSeenBy(off, messageId));
        }

        var page = await Alice.GetPageAsync(Paths.Thread(threadId));
        Assert.Equal("off", page.ReceiptsMode());
        Assert.Null(page.ReceiptOf(messageId));
    }

    [Fact]
    public async Task SomeoneOutsideTheThread_Gets404_AndNoReceipts()
    {
        var (threadId, _) = await Alice.WritesAsync(Bob.UserName, "Just between us", subject: "Private matter");
        await Bob.GetPageAsync(Paths.Thread(threadId));
        using var dave = App.CreateBrowser(await CreateUserAsync("dave"));

        foreach (var url in new[] { Paths.Thread(threadId), ApiSteps.Thread(threadId) })
        {
            var response = await dave.Http.GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{url}: {(int)response.StatusCode} {body}");
            Assert.DoesNotContain("um-message__seen", body, StringComparison.Ordinal);
            Assert.DoesNotContain("seenBy", body, StringComparison.Ordinal);
            Assert.DoesNotContain(Bob.Id, body, StringComparison.Ordinal);
            Assert.DoesNotContain("Just between us", body, StringComparison.Ordinal);
        }
    }
}
