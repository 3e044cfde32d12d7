using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Microsoft.Extensions.DependencyInjection.Extensions;
using UserMessages.Domain;
using UserMessages.IntegrationTests.Api;
using UserMessages.IntegrationTests.Infrastructure;
using UserMessages.IntegrationTests.Moderation;
using UserMessages.Retention;
using UserMessages.Services;
using static UserMessages.IntegrationTests.Conversations.TestFiles;

namespace UserMessages.IntegrationTests.Conversations;

/// <summary>
/// Issue 22, item 2: files on a new thread or a reply, through the forms (multipart, no script) and the API; checked by
/// count, size and type (the type by the content, not only the name), kept in the app's own attachment folder, served
/// to the thread's people alone (nosniff, a download for everything but pictures, pictures inline and lazily loaded);
/// gone with their message's deletion or removal, with their uploader's data, and after the purge by the clean-up of
/// uploads no message carries. The largest file here is 1000 bytes, so a file over the limit is small.
/// </summary>
public sealed class AttachmentTests(SharedApp sharedApp) : MessagingTest(sharedApp), IClassFixture<SharedApp>
{
    private const int MaxFileSize = 1000;
    private const int MaxInlineImageSize = 200;
    private const int RaceRounds = 20;
    private const string NotWaiting = "One of the files is no longer waiting to be sent. Attach it again.";

    protected override IReadOnlyDictionary<string, string>? Settings
        => new Dictionary<string, string>
        {
            ["Messages:Attachments:MaxFileSize"] = MaxFileSize.ToString(CultureInfo.InvariantCulture),
            ["Messages:Attachments:MaxInlineImageSize"] = MaxInlineImageSize.ToString(CultureInfo.InvariantCulture),

            // The race below sends many messages in a minute.
            ["Messages:Limits:MessagesPerMinute"] = "1000",
        };

    /// <summary>A filter that holds a message with <see cref="FiltersTestKit.HoldWord"/> in it for a moderator (no other message is held).</summary>
    protected override void ConfigureServices(IServiceCollection services)
        => services.TryAddEnumerable(ServiceDescriptor.Scoped<UserMessages.Filters.IMessageFilter, FiltersTestKit.HoldingFilter>());

    [Fact]
    public async Task AReplyWithAPictureAndAPdfThroughTheForm_ShowsThePictureInlineAndThePdfAsADownload_AndEachDownloadsAsSent()
    {
        var threadId = await Alice.StartThreadAsync(Bob.UserName, "Garden", "Any pictures of the garden?");

        var sent = await Bob.ReplyWithFilesAsync(threadId, "Here, and the plan.", Png("garden.png"), Pdf("plan.pdf"));

        Assert.True(sent.StatusCode == HttpStatusCode.Redirect, $"Reply: {(int)sent.StatusCode} {await sent.Content.ReadAsStringAsync()}");
        var messageId = MessageIdOf(sent);
        var rows = await App.UploadsOfAsync(Bob.Id);
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal(messageId, r.MessageId));
        var (picture, pdf) = (Assert.Single(rows, r => r.FileName == "garden.png"), Assert.Single(rows, r => r.FileName == "plan.pdf"));
        Assert.Equal(("image/png", (long)PngBytes.Length), (picture.ContentType, picture.Length));
        Assert.Equal(("application/pdf", (long)PdfBytes.Length), (pdf.ContentType, pdf.Length));
        Assert.Equal(PngBytes, await File.ReadAllBytesAsync(App.FileOf(picture.StorageKey)));
        Assert.Equal(PdfBytes, await File.ReadAllBytesAsync(App.FileOf(pdf.StorageKey)));

        var alices = await Alice.GetPageAsync(Paths.Thread(threadId));
        Assert.Equal([picture.Id, pdf.Id], alices.AttachmentIds($"#message-{messageId}"));
        var pictureItem = alices.Single($"#message-{messageId} li[data-um-attachment-id='{picture.Id}']");
        var img = pictureItem.QuerySelector("a.um-attachment__picture img") as IHtmlImageElement;
        Assert.NotNull(img);
        Assert.Equal(AttachmentSteps.Download(picture.Id), img.GetAttribute("src"));
        Assert.Equal("lazy", img.GetAttribute("loading"));
        Assert.Equal("garden.png", img.GetAttribute("alt"));
        Assert.Equal(AttachmentSteps.Download(picture.Id), pictureItem.QuerySelector("a.um-attachment__picture")!.GetAttribute("href"));
        var pdfItem = alices.Single($"#message-{messageId} li[data-um-attachment-id='{pdf.Id}']");
        Assert.Null(pdfItem.QuerySelector("img"));
        var pdfLink = pdfItem.QuerySelector("a.um-attachment__link");
        Assert.NotNull(pdfLink);
        Assert.Equal(AttachmentSteps.Download(pdf.Id), pdfLink.GetAttribute("href"));
        Assert.Equal("plan.pdf", pdfLink.GetAttribute("download"));
        Assert.Equal("plan.pdf", pdfLink.TextContent.Trim());

        await AssertDownloadAsync(Alice, picture.Id, PngBytes, "image/png", "inline", "garden.png");
        await AssertDownloadAsync(Alice, pdf.Id, PdfBytes, "application/pdf", "attachment", "plan.pdf");
        await AssertDownloadAsync(Bob, pdf.Id, PdfBytes, "application/pdf", "attachment", "plan.pdf");
    }

    [Fact]
    public async Task ANewThreadWithFilesThroughTheComposeForm_ShowsThemToTheRecipient_AndTheyDownloadAsSent()
    {
        var sent = await Alice.ComposeWithFilesAsync(Bob.UserName, "Trip", "The notes and a wave.", Gif("wave.gif"), Text("notes.txt"));

        Assert.True(sent.StatusCode == HttpStatusCode.Redirect, $"Compose: {(int)sent.StatusCode} {await sent.Content.ReadAsStringAsync()}");
        var threadId = Paths.ThreadIdOf(sent);
        var rows = await App.UploadsOfAsync(Alice.Id);
        var (gif, text) = (Assert.Single(rows, r => r.FileName == "wave.gif"), Assert.Single(rows, r => r.FileName == "notes.txt"));
        Assert.Equal(2, rows.Count);
        Assert.Equal(("image/gif", "text/plain"), (gif.ContentType, text.ContentType));

        var bobs = await Bob.GetPageAsync(Paths.Thread(threadId));
        var messageId = Assert.Single(await Bob.ApiThreadMessagesAsync(threadId)).Id;
        Assert.Equal([gif.Id, text.Id], bobs.AttachmentIds($"#message-{messageId}"));
        var img = bobs.Single($"li[data-um-attachment-id='{gif.Id}'] a.um-attachment__picture img");
        Assert.Equal(("lazy", "wave.gif", AttachmentSteps.Download(gif.Id)), (img.GetAttribute("loading"), img.GetAttribute("alt"), img.GetAttribute("src")));
        var textItem = bobs.Single($"li[data-um-attachment-id='{text.Id}']");
        Assert.Null(textItem.QuerySelector("img"));
        Assert.Equal("notes.txt", textItem.QuerySelector("a.um-attachment__link")!.GetAttribute("download"));

        var api = (await Bob.ApiAttachmentsAsync(threadId))[messageId];
        Assert.Equal(
            [new ApiAttachmentView(gif.Id, "wave.gif", "image/gif", GifBytes.Length, AttachmentSteps.Download(gif.Id)),
             new ApiAttachmentView(text.Id, "notes.txt", "text/plain", TextBytes.Length, AttachmentSteps.Download(text.Id))],
            api);

        await AssertDownloadAsync(Bob, gif.Id, GifBytes, "image/gif", "inline", "wave.gif");
        await AssertDownloadAsync(Bob, text.Id, TextBytes, "text/plain", "attachment", "notes.txt");
    }

    [Fact]
    public async Task AnAttachment_IsNotFoundForAnOutsiderOrSomeoneWhoLeft_AnAnonymousVisitorSignsIn_AndAnUnsentUploadIsNotFoundEvenForItsUploader()
    {
        var sent = await Alice.ComposeWithFilesAsync(Bob.UserName, "Plan", "The plan.", Pdf("secret-plan.pdf"));
        var threadId = Paths.ThreadIdOf(sent);
        var id = Assert.Single(await App.UploadsOfAsync(Alice.Id)).Id;
        var url = AttachmentSteps.Download(id);

        var outsider = await Carol.Http.GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, outsider.StatusCode);
        Assert.Null(outsider.Content.Headers.ContentDisposition);
        var body = await outsider.Content.ReadAsByteArrayAsync();
        Assert.DoesNotContain("%PDF", Encoding.Latin1.GetString(body), StringComparison.Ordinal);
        Assert.DoesNotContain("secret-plan", Encoding.UTF8.GetString(body), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await Carol.Http.GetAsync(AttachmentSteps.Download(id + 1_000_000))).StatusCode);

        using (var anonymous = App.CreateBrowser())
        {
            var visitor = await anonymous.Http.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, visitor.StatusCode);
            Assert.Equal("/Identity/Account/Login", new Uri(anonymous.Http.BaseAddress!, visitor.Headers.Location!).AbsolutePath);
        }

        // Carol, added, may download it; once she left, no longer.
        await Alice.UseAntiforgeryAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await Alice.PostJsonAsync(ApiSteps.Thread(threadId) + "/participants", new { to = new[] { Carol.UserName } })).StatusCode);
        await AssertDownloadAsync(Carol, id, PdfBytes, "application/pdf", "attachment", "secret-plan.pdf");
        await Carol.UseAntiforgeryAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await Carol.PostAsync(ApiSteps.Thread(threadId) + "/leave")).StatusCode);
        var leaver = await Carol.Http.GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, leaver.StatusCode);
        Assert.DoesNotContain("%PDF", Encoding.Latin1.GetString(await leaver.Content.ReadAsByteArrayAsync()), StringComparison.Ordinal);

        // An upload no message carries yet is nobody's to download, its uploader's neither.
        var unsent = Assert.Single(await Alice.ApiUploadedAsync(Png("draft.png")));
        Assert.Equal(HttpStatusCode.NotFound, (await Alice.Http.GetAsync(unsent.Url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Bob.Http.GetAsync(unsent.Url)).StatusCode);
    }

    public static TheoryData<string> HostileCases => ["html-named-png", "svg", "html", "exe", "text-with-nul", "empty", "too-large", "six-files"];

    [Theory]
    [MemberData(nameof(HostileCases))]
    public async Task AHostileOrUnfitFileOnAReply_IsRefusedWithAClearError_NothingIsStored_AndTheTypedTextIsKept(string hostile)
    {
        var (files, error) = HostileFiles(hostile);
        var threadId = await Alice.StartThreadAsync(Bob.UserName, "Files", "Send me the file?");
        var filesBefore = App.FilesOnDisk().Count;

        var response = await Bob.ReplyWithFilesAsync(threadId, "Here is the file you asked for.", files);

        var page = await BrowserClient.ReadPageAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"Expected 400, got {(int)response.StatusCode}: {page.Html}");
        Assert.Contains(error, page.Single("#um-reply-files-error").TextContent, StringComparison.Ordinal);
        Assert.Equal("Here is the file you asked for.", page.Single<IHtmlTextAreaElement>("#um-reply-form textarea[name='Content']").Value);
        Assert.Null(page.Find("#um-reply-form input[name='AttachmentId']"));
        Assert.Empty(await App.UploadsOfAsync(Bob.Id));
        Assert.Equal(filesBefore, App.FilesOnDisk().Count);
        Assert.Single(await Alice.ApiThreadMessagesAsync(threadId));
    }

    [Fact]
    public async Task AHostileFileOnANewThread_IsRefusedWithAClearError_NoThreadNorFileIsStored_AndTheFormIsKept()
    {
        var filesBefore = App.FilesOnDisk().Count;

        var response = await Alice.ComposeWithFilesAsync(Bob.UserName, "Invoice", "See the attached invoice.", new TestFile("invoice.png", Encoding.UTF8.GetBytes("<html><script>alert(1)</script>"), "image/png"));

        var page = await BrowserClient.ReadPageAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"Expected 400, got {(int)response.StatusCode}: {page.Html}");
        Assert.Contains("“invoice.png” is not the kind of file its name says", page.Single("#um-files-error").TextContent, StringComparison.Ordinal);
        Assert.Equal("Invoice", page.Single<IHtmlInputElement>("#um-compose-form input[name='Subject']").Value);
        Assert.Equal("See the attached invoice.", page.Single<IHtmlTextAreaElement>("#um-compose-form textarea[name='Content']").Value);
        Assert.Null(page.Find("#um-compose-form input[name='AttachmentId']"));
        Assert.Empty(await App.UploadsOfAsync(Alice.Id));
        Assert.Equal(filesBefore, App.FilesOnDisk().Count);
        Assert.Equal((0, 0, 0), await CountRowsAsync());
    }

    [Fact]
    public async Task AReplyRefusedForItsText_KeepsItsFileAsATickedBox_AndSendingAgainCarriesItWithoutAnotherUpload()
    {
        var threadId = await Alice.StartThreadAsync(Bob.UserName, "Plan", "The plan?");

        var refused = await Bob.ReplyWithFilesAsync(threadId, string.Empty, Pdf("plan.pdf"));

        var page = await BrowserClient.ReadPageAsync(refused);
        Assert.True(refused.StatusCode == HttpStatusCode.BadRequest, $"Expected 400, got {(int)refused.StatusCode}: {page.Html}");
        var upload = Assert.Single(await App.UploadsOfAsync(Bob.Id));
        Assert.Null(upload.MessageId);
        var kept = page.Single<IHtmlInputElement>("#um-reply-form input[type='checkbox'][name='AttachmentId']");
        Assert.True(kept.IsChecked);
        Assert.Equal(upload.Id.ToString(CultureInfo.InvariantCulture), kept.Value);
        Assert.Contains("plan.pdf", kept.Closest("label")!.TextContent, StringComparison.Ordinal);
        var filesOnDisk = App.FilesOnDisk().Count;

        // Sent again with a file that is refused: the kept one stays ticked, and is still not uploaded again.
        var again = await Bob.SubmitWithFilesAsync(page, "#um-reply-form", new Dictionary<string, string> { ["Content"] = "Here is the plan." }, new TestFile("x.exe", [0x4D, 0x5A]));
        page = await BrowserClient.ReadPageAsync(again);
        Assert.True(again.StatusCode == HttpStatusCode.BadRequest, $"Expected 400, got {(int)again.StatusCode}: {page.Html}");
        Assert.Contains("“x.exe” cannot be attached", page.Single("#um-reply-files-error").TextContent, StringComparison.Ordinal);
        Assert.Equal("Here is the plan.", page.Single<IHtmlTextAreaElement>("#um-reply-form textarea[name='Content']").Value);
        Assert.Equal(upload.Id.ToString(CultureInfo.InvariantCulture), page.Single<IHtmlInputElement>("#um-reply-form input[name='AttachmentId']:checked").Value);
        Assert.Single(await App.UploadsOfAsync(Bob.Id));
        Assert.Equal(filesOnDisk, App.FilesOnDisk().Count);

        var sent = await Bob.SubmitWithFilesAsync(page, "#um-reply-form", null);

        Assert.True(sent.StatusCode == HttpStatusCode.Redirect, $"Reply: {(int)sent.StatusCode} {await sent.Content.ReadAsStringAsync()}");
        var messageId = MessageIdOf(sent);
        Assert.Equal(messageId, Assert.Single(await App.UploadsOfAsync(Bob.Id)).MessageId);
        Assert.Equal(filesOnDisk, App.FilesOnDisk().Count);
        Assert.Equal([upload.Id], (await Alice.GetPageAsync(Paths.Thread(threadId))).AttachmentIds($"#message-{messageId}"));
        await AssertDownloadAsync(Alice, upload.Id, PdfBytes, "application/pdf", "attachment", "plan.pdf");
    }

    [Fact]
    public async Task ANewThreadRefusedForItsSubject_KeepsItsFileAsATickedBox_AndSendingAgainCarriesItWithoutAnotherUpload()
    {
        var refused = await Alice.ComposeWithFilesAsync(Bob.UserName, string.Empty, "A wave for you.", Gif("wave.gif"));

        var page = await BrowserClient.ReadPageAsync(refused);
        Assert.True(refused.StatusCode == HttpStatusCode.BadRequest, $"Expected 400, got {(int)refused.StatusCode}: {page.Html}");
        var upload = Assert.Single(await App.UploadsOfAsync(Alice.Id));
        var kept = page.Single<IHtmlInputElement>("#um-compose-form input[type='checkbox'][name='AttachmentId']");
        Assert.True(kept.IsChecked);
        Assert.Equal(upload.Id.ToString(CultureInfo.InvariantCulture), kept.Value);
        var filesOnDisk = App.FilesOnDisk().Count;

        var sent = await Alice.SubmitWithFilesAsync(page, "#um-compose-form", new Dictionary<string, string> { ["Subject"] = "Hello" });

        Assert.True(sent.StatusCode == HttpStatusCode.Redirect, $"Compose: {(int)sent.StatusCode} {await sent.Content.ReadAsStringAsync()}");
        var threadId = Paths.ThreadIdOf(sent);
        var messageId = Assert.Single(await Bob.ApiThreadMessagesAsync(threadId)).Id;
        Assert.Equal(messageId, Assert.Single(await App.UploadsOfAsync(Alice.Id)).MessageId);
        Assert.Equal(filesOnDisk, App.FilesOnDisk().Count);
        Assert.Equal([upload.Id], (await Bob.GetPageAsync(Paths.Thread(threadId))).AttachmentIds($"#message-{messageId}"));
    }

    [Fact]
    public async Task TheApi_UploadsFilesAsMultipart_ANewThreadAndAReplyCarryThemByIds_AndTheThreadJsonGivesTheirUrls()
    {
        await Alice.UseAntiforgeryAsync();
        await Bob.UseAntiforgeryAsync();

        var uploaded = await Alice.ApiUploadedAsync(Png("map.png"), Pdf("route.pdf"));

        Assert.Equal(2, uploaded.Count);
        Assert.Equal(("map.png", "image/png", (long)PngBytes.Length, AttachmentSteps.Download(uploaded[0].Id)), (uploaded[0].FileName, uploaded[0].ContentType, uploaded[0].Length, uploaded[0].Url));
        Assert.Equal(("route.pdf", "application/pdf", (long)PdfBytes.Length, AttachmentSteps.Download(uploaded[1].Id)), (uploaded[1].FileName, uploaded[1].ContentType, uploaded[1].Length, uploaded[1].Url));
        Assert.All(await App.UploadsOfAsync(Alice.Id), r => Assert.Null(r.MessageId));

        var started = await Alice.PostJsonAsync(ApiSteps.Threads, new { to = new[] { Bob.UserName }, subject = "Route", content = "Map and route.", attachments = uploaded.Select(u => u.Id).ToArray() });
        var startedText = await started.Content.ReadAsStringAsync();
        Assert.True(started.StatusCode == HttpStatusCode.Created, $"Start: {(int)started.StatusCode} {startedText}");
        long threadId;
        using (var json = JsonDocument.Parse(startedText))
        {
            threadId = json.RootElement.GetProperty("threadId").GetInt64();
        }

        var first = Assert.Single(await Bob.ApiThreadMessagesAsync(threadId)).Id;
        Assert.Equal(uploaded, (await Bob.ApiAttachmentsAsync(threadId))[first]);
        await AssertDownloadAsync(Bob, uploaded[0].Id, PngBytes, "image/png", "inline", "map.png");

        var notes = Assert.Single(await Bob.ApiUploadedAsync(Text("notes.txt")));
        var replied = await Bob.PostJsonAsync(ApiSteps.Thread(threadId) + "/messages", new { content = "My notes.", attachments = new[] { notes.Id } });
        var repliedText = await replied.Content.ReadAsStringAsync();
        Assert.True(replied.StatusCode == HttpStatusCode.Created, $"Reply: {(int)replied.StatusCode} {repliedText}");
        long reply;
        using (var json = JsonDocument.Parse(repliedText))
        {
            reply = json.RootElement.GetProperty("messageId").GetInt64();
        }

        var alices = await Alice.ApiAttachmentsAsync(threadId);
        Assert.Equal([notes], alices[reply]);
        Assert.Equal(uploaded, alices[first]);
        Assert.Equal([notes.Id], (await Alice.GetPageAsync(Paths.Thread(threadId))).AttachmentIds($"#message-{reply}"));
        await AssertDownloadAsync(Alice, notes.Id, TextBytes, "text/plain", "attachment", "notes.txt");
    }

    [Fact]
    public async Task TheApi_RefusesSomeoneElsesUploadOrOneAlreadySent_With400_AndSendsNothing()
    {
        await Alice.UseAntiforgeryAsync();
        await Bob.UseAntiforgeryAsync();
        var alices = Assert.Single(await Alice.ApiUploadedAsync(Png("mine.png")));
        var threadId = await Alice.ApiStartThreadWithAsync(Bob.UserName, [alices.Id]);
        var bobs = Assert.Single(await Bob.ApiUploadedAsync(Pdf("bobs.pdf")));
        var before = await CountRowsAsync();

        foreach (var (ids, what) in new[] { (new[] { bobs.Id }, "Bob's upload"), (new[] { alices.Id }, "an upload already sent"), (new[] { bobs.Id + 1_000_000 }, "no upload") })
        {
            var start = await Alice.PostJsonAsync(ApiSteps.Threads, new { to = new[] { Carol.UserName }, subject = "Again", content = "With " + what, attachments = ids });
            var problem = await ApiSteps.AssertProblemAsync(start, HttpStatusCode.BadRequest);
            Assert.Contains(NotWaiting, EditSteps.AllErrors(problem));

            var reply = await Alice.PostJsonAsync(ApiSteps.Thread(threadId) + "/messages", new { content = "With " + what, attachments = ids });
            problem = await ApiSteps.AssertProblemAsync(reply, HttpStatusCode.BadRequest);
            Assert.Contains(NotWaiting, EditSteps.AllErrors(problem));
        }

        Assert.Equal(before, await CountRowsAsync());
        Assert.Null((await App.AttachmentRowAsync(bobs.Id))!.MessageId);
        Assert.Empty(await Carol.ApiFolderIdsAsync("inbox"));
        Assert.Equal(HttpStatusCode.NotFound, (await Alice.Http.GetAsync(bobs.Url)).StatusCode);
    }

    [Fact]
    public async Task TheApiUpload_Answers415ToAnythingButMultipart_400WithoutTheAntiforgeryHeader_401ToAnonymousCallers_AndRefusesAHostileFile()
    {
        await Alice.UseAntiforgeryAsync();
        var filesBefore = App.FilesOnDisk().Count;

        await ApiSteps.AssertProblemAsync(await Alice.PostJsonAsync(AttachmentSteps.ApiUpload, new { files = new[] { "photo.png" } }), HttpStatusCode.UnsupportedMediaType);
        await ApiSteps.AssertProblemAsync(
            await Alice.Http.PostAsync(AttachmentSteps.ApiUpload, new FormUrlEncodedContent([new("files", "photo.png")])), HttpStatusCode.UnsupportedMediaType);

        using (var withoutToken = App.CreateBrowser(Alice.User))
        {
            await ApiSteps.AssertProblemAsync(await withoutToken.ApiUploadAsync(Png()), HttpStatusCode.BadRequest);
        }

        using (var anonymous = App.CreateBrowser())
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.ApiUploadAsync(Png())).StatusCode);
        }

        var hostile = await Alice.ApiUploadAsync(Png("fine.png"), new TestFile("x.png", Encoding.UTF8.GetBytes("<html><script>alert(1)</script>"), "image/png"));
        var problem = await ApiSteps.AssertProblemAsync(hostile, HttpStatusCode.BadRequest);
        Assert.Contains(EditSteps.AllErrors(problem), e => e.Contains("“x.png” is not the kind of file its name says", StringComparison.Ordinal));

        Assert.Empty(await App.UploadsOfAsync(Alice.Id));
        Assert.Equal(filesBefore, App.FilesOnDisk().Count);
    }

    [Fact]
    public async Task DeletingOnesOwnMessage_DeletesItsAttachments_RowsAndFiles()
    {
        var sent = await Alice.ComposeWithFilesAsync(Bob.UserName, "Oops", "Wrong files.", Png("wrong.png"), Pdf("wrong.pdf"));
        var threadId = Paths.ThreadIdOf(sent);
        var messageId = Assert.Single(await Alice.ApiThreadMessagesAsync(threadId)).Id;
        var rows = await App.UploadsOfAsync(Alice.Id);
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.True(File.Exists(App.FileOf(r.StorageKey))));

        var deleted = await Alice.DeleteThroughThePageAsync(threadId, messageId);

        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Empty(await App.UploadsOfAsync(Alice.Id));
        Assert.All(rows, r => Assert.False(File.Exists(App.FileOf(r.StorageKey)), $"{r.FileName} is still on disk."));
        Assert.Empty((await Bob.GetPageAsync(Paths.Thread(threadId))).AttachmentIds());
        Assert.Equal(HttpStatusCode.NotFound, (await Bob.Http.GetAsync(AttachmentSteps.Download(rows[0].Id))).StatusCode);
    }

    [Fact]
    public async Task AModeratorsRemovalOfAMessage_DeletesItsAttachments_RowsAndFiles()
    {
        using var moderator = App.CreateBrowser(await CreateUserAsync("moderator"), FiltersTestKit.ModeratorRole);
        var sent = await Alice.ComposeWithFilesAsync(Bob.UserName, "Offer", "Cheap watches, see the picture.", Png("watch.png"));
        var threadId = Paths.ThreadIdOf(sent);
        var messageId = Assert.Single(await Bob.ApiThreadMessagesAsync(threadId)).Id;
        var row = Assert.Single(await App.UploadsOfAsync(Alice.Id));
        var reportId = await Bob.ReportAsync(threadId, messageId);

        await moderator.DecidedAsync(reportId, "remove");

        Assert.Empty(await App.UploadsOfAsync(Alice.Id));
        Assert.False(File.Exists(App.FileOf(row.StorageKey)), "The removed message's file is still on disk.");
        Assert.Equal(HttpStatusCode.NotFound, (await Bob.Http.GetAsync(AttachmentSteps.Download(row.Id))).StatusCode);
    }

    [Fact]
    public async Task ErasingAUsersData_DeletesEveryUploadOfTheirs_SentOrNot_RowsAndFiles_AndLeavesTheOthersFiles()
    {
        var sent = await Alice.ComposeWithFilesAsync(Bob.UserName, "Files", "Mine.", Png("alices.png"));
        var threadId = Paths.ThreadIdOf(sent);
        Assert.Equal(HttpStatusCode.Redirect, (await Bob.ReplyWithFilesAsync(threadId, "Mine.", Pdf("bobs.pdf"))).StatusCode);
        await Alice.UseAntiforgeryAsync();
        Assert.Single(await Alice.ApiUploadedAsync(Text("draft.txt")));
        var alices = await App.UploadsOfAsync(Alice.Id);
        var bobs = Assert.Single(await App.UploadsOfAsync(Bob.Id));
        Assert.Equal(2, alices.Count);

        await using (var scope = App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IUserMessagesService>().EraseUserDataAsync(Alice.Id);
        }

        Assert.Empty(await App.UploadsOfAsync(Alice.Id));
        Assert.All(alices, r => Assert.False(File.Exists(App.FileOf(r.StorageKey)), $"{r.FileName} is still on disk."));
        Assert.NotNull(await App.AttachmentRowAsync(bobs.Id));
        Assert.True(File.Exists(App.FileOf(bobs.StorageKey)));
        await AssertDownloadAsync(Bob, bobs.Id, PdfBytes, "application/pdf", "attachment", "bobs.pdf");
    }

    [Fact]
    public async Task ThePurgeOfAThreadEveryoneDeleted_LeavesItsFilesWithoutAMessage_AndTheCleanUpThenDeletesThem()
    {
        var sent = await Alice.ComposeWithFilesAsync(Bob.UserName, "Old", "Old picture.", Png("old.png"));
        var threadId = Paths.ThreadIdOf(sent);
        Assert.Equal(HttpStatusCode.Redirect, (await Bob.ReplyWithFilesAsync(threadId, "Old plan.", Pdf("old.pdf"))).StatusCode);
        var rows = (await App.UploadsOfAsync(Alice.Id)).Concat(await App.UploadsOfAsync(Bob.Id)).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal(HttpStatusCode.Redirect, (await Alice.DeleteAsync(threadId)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Bob.DeleteAsync(threadId)).StatusCode);

        Assert.True(await PurgeAsync() >= 1);

        Assert.Equal((0, 0, 0), await CountRowsAsync());
        foreach (var row in rows)
        {
            var after = await App.AttachmentRowAsync(row.Id);
            Assert.NotNull(after);
            Assert.Null(after.MessageId);
        }

        await App.AgeUploadsAsync([.. rows.Select(r => r.Id)], TimeSpan.FromHours(2));
        Assert.True(await CleanUpAsync() >= 2);

        foreach (var row in rows)
        {
            Assert.Null(await App.AttachmentRowAsync(row.Id));
            Assert.False(File.Exists(App.FileOf(row.StorageKey)), $"{row.FileName} is still on disk.");
        }
    }

    [Fact]
    public async Task TheCleanUp_DeletesAnUnsentUploadOlderThanAnHour_RowAndFile_AndKeepsAFreshOneAndThoseSent()
    {
        await Alice.UseAntiforgeryAsync();
        var (old, fresh) = (Assert.Single(await Alice.ApiUploadedAsync(Png("old.png"))), Assert.Single(await Alice.ApiUploadedAsync(Pdf("fresh.pdf"))));
        Assert.Equal(HttpStatusCode.Redirect, (await Alice.ComposeWithFilesAsync(Bob.UserName, "Sent", "Sent long ago.", Gif("sent.gif"))).StatusCode);
        var rows = await App.UploadsOfAsync(Alice.Id);
        var sentRow = Assert.Single(rows, r => r.MessageId is not null);
        await App.AgeUploadsAsync([old.Id, sentRow.Id], TimeSpan.FromHours(2));

        Assert.True(await CleanUpAsync() >= 1);

        Assert.Null(await App.AttachmentRowAsync(old.Id));
        Assert.False(File.Exists(App.FileOf(rows.Single(r => r.Id == old.Id).StorageKey)), "The old upload is still on disk.");
        Assert.NotNull(await App.AttachmentRowAsync(fresh.Id));
        Assert.True(File.Exists(App.FileOf(rows.Single(r => r.Id == fresh.Id).StorageKey)));
        Assert.NotNull(await App.AttachmentRowAsync(sentRow.Id));
        Assert.True(File.Exists(App.FileOf(sentRow.StorageKey)));
        await AssertDownloadAsync(Bob, sentRow.Id, GifBytes, "image/gif", "inline", "sent.gif");

        // The fresh one is still Alice's to send.
        var started = await Alice.PostJsonAsync(ApiSteps.Threads, new { to = new[] { Bob.UserName }, subject = "Fresh", content = "Still here.", attachments = new[] { fresh.Id } });
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
    }

    [Fact]
    public async Task APictureLargerThanTheInlineLimit_IsShownAsADownloadLinkOnly()
    {
        var threadId = await Alice.StartThreadAsync(Bob.UserName, "Poster", "The poster?");
        byte[] large = [.. PngBytes, .. new byte[MaxInlineImageSize + 1 - PngBytes.Length]];

        Assert.Equal(HttpStatusCode.Redirect, (await Bob.ReplyWithFilesAsync(threadId, "Two sizes.", new TestFile("poster.png", large, "image/png"), Png("thumb.png"))).StatusCode);

        var rows = await App.UploadsOfAsync(Bob.Id);
        var (poster, thumb) = (rows.Single(r => r.FileName == "poster.png"), rows.Single(r => r.FileName == "thumb.png"));
        var page = await Alice.GetPageAsync(Paths.Thread(threadId));
        var posterItem = page.Single($"li[data-um-attachment-id='{poster.Id}']");
        Assert.Null(posterItem.QuerySelector("img"));
        Assert.Equal(AttachmentSteps.Download(poster.Id), posterItem.QuerySelector("a.um-attachment__link")!.GetAttribute("href"));
        Assert.NotNull(page.Find($"li[data-um-attachment-id='{thumb.Id}'] a.um-attachment__picture img[loading='lazy']"));
        await AssertDownloadAsync(Alice, poster.Id, large, "image/png", "inline", "poster.png");
    }

    [Fact]
    public async Task AFilesName_IsKeptWithoutFolders_ShownAsText_AndGivenBackOnDownload()
    {
        var threadId = await Alice.StartThreadAsync(Bob.UserName, "Names", "Odd names?");
        const string Hostile = "<img src=x onerror=alert(1)>.pdf";

        var sent = await Bob.ReplyWithFilesAsync(threadId, "Odd names.", Pdf("../../etc/Grüße \"final\" plan.pdf"), Pdf("..\\..\\windows\\report.pdf"), Pdf(Hostile));

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var rows = await App.UploadsOfAsync(Bob.Id);
        Assert.Equal(["Grüße \"final\" plan.pdf", "report.pdf", Hostile], rows.Select(r => r.FileName));
        var page = await Alice.GetPageAsync(Paths.Thread(threadId));
        Assert.Equal(rows.Select(r => r.FileName), page.Document.QuerySelectorAll("#um-messages a.um-attachment__link").Select(a => a.TextContent.Trim()));
        Assert.Null(page.Find("#um-messages .um-attachments img"));
        foreach (var row in rows)
        {
            await AssertDownloadAsync(Alice, row.Id, PdfBytes, "application/pdf", "attachment", row.FileName);
        }
    }

    [Fact]
    public async Task AUser_MayKeepAtMostTwentyUnsentUploads_AndTheNextUploadIsRefused()
    {
        await Alice.UseAntiforgeryAsync();
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(5, (await Alice.ApiUploadedAsync([.. Enumerable.Range(1, 5).Select(n => Text($"part{i}-{n}.txt"))])).Count);
        }

        var filesOnDisk = App.FilesOnDisk().Count;

        var refused = await Alice.ApiUploadAsync(Text("one-too-many.txt"));

        var problem = await ApiSteps.AssertProblemAsync(refused, HttpStatusCode.BadRequest);
        Assert.Contains("You have too many files waiting to be sent. Send your message, or try again in an hour.", EditSteps.AllErrors(problem));
        Assert.Equal(20, (await App.UploadsOfAsync(Alice.Id)).Count);
        Assert.Equal(filesOnDisk, App.FilesOnDisk().Count);
        var page = await Alice.ComposeWithFilesAsync(Bob.UserName, "More", "One more.", Text("one-too-many.txt"));
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Equal(20, (await App.UploadsOfAsync(Alice.Id)).Count);
    }

    [Fact]
    public async Task TheApi_RefusesAMessageCarryingMoreThanFiveFiles_AndSendsNothing()
    {
        await Alice.UseAntiforgeryAsync();
        var ids = (await Alice.ApiUploadedAsync([.. Enumerable.Range(1, 5).Select(n => Png($"p{n}.png"))]))
            .Concat(await Alice.ApiUploadedAsync(Png("p6.png"))).Select(u => u.Id).ToArray();

        var response = await Alice.PostJsonAsync(ApiSteps.Threads, new { to = new[] { Bob.UserName }, subject = "Many", content = "Six pictures.", attachments = ids });

        var problem = await ApiSteps.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("Attach at most 5 files to a message.", EditSteps.AllErrors(problem));
        Assert.Equal((0, 0, 0), await CountRowsAsync());
        Assert.All(await App.UploadsOfAsync(Alice.Id), r => Assert.Null(r.MessageId));
    }

    [Fact]
    public async Task EditingAMessage_KeepsItsAttachments()
    {
        var threadId = Paths.ThreadIdOf(await Alice.ComposeWithFilesAsync(Bob.UserName, "Plan", "The plan", Pdf("plan.pdf")));
        var messageId = Assert.Single(await Alice.ApiThreadMessagesAsync(threadId)).Id;
        var row = Assert.Single(await App.UploadsOfAsync(Alice.Id));

        Assert.Equal(HttpStatusCode.Redirect, (await Alice.EditThroughThePageAsync(threadId, messageId, "The final plan")).StatusCode);

        Assert.Equal([row.Id], (await Bob.GetPageAsync(Paths.Thread(threadId))).AttachmentIds($"#message-{messageId}"));
        Assert.Equal(messageId, (await App.AttachmentRowAsync(row.Id))!.MessageId);
        await AssertDownloadAsync(Bob, row.Id, PdfBytes, "application/pdf", "attachment", "plan.pdf");
    }

    [Fact]
    public async Task ApprovingAHeldMessageWithAFile_DeliversItWithTheFile()
    {
        using var moderator = App.CreateBrowser(await CreateUserAsync("moderator"), FiltersTestKit.ModeratorRole);
        var held = await Alice.ComposeWithFilesAsync(Bob.UserName, "Offer", $"See the picture {FiltersTestKit.HoldWord}", Png("offer.png"));
        Assert.True(held.StatusCode == HttpStatusCode.Redirect, $"Compose: {(int)held.StatusCode} {await held.Content.ReadAsStringAsync()}");
        var upload = Assert.Single(await App.UploadsOfAsync(Alice.Id));
        var heldId = Assert.Single((await Alice.GetPageAsync(Paths.Sent)).AwaitingIds());

        Assert.Equal(HttpStatusCode.Redirect, (await moderator.DecideHeldAsync(heldId, "approve", FiltersTestKit.UniqueNote("Fine"))).StatusCode);

        var threadId = Assert.Single(await Bob.ApiFolderIdsAsync("inbox"));
        var messageId = Assert.Single(await Bob.ApiThreadMessagesAsync(threadId)).Id;
        Assert.Equal([upload.Id], (await Bob.ApiAttachmentsAsync(threadId))[messageId].Select(a => a.Id));
        await AssertDownloadAsync(Bob, upload.Id, PngBytes, "image/png", "inline", "offer.png");
    }

    [Fact]
    public async Task TwoMessagesSentAtOnceWithTheSameUpload_OneIsSentWithIt_TheOtherIsRefusedAndNotSent()
    {
        await Alice.UseAntiforgeryAsync();
        var threadId = await Alice.ApiStartThreadAsync(Bob.UserName, "Race", "Ready?");
        var failures = new List<string>();
        for (var round = 0; round < RaceRounds; round++)
        {
            var upload = Assert.Single(await Alice.ApiUploadedAsync(Png($"race{round}.png")));
            var before = (await Alice.ApiThreadMessagesAsync(threadId)).Count;

            var responses = await Task.WhenAll(Enumerable.Range(0, 2).Select(i =>
                Alice.PostJsonAsync(ApiSteps.Thread(threadId) + "/messages", new { content = $"Round {round}, copy {i}", attachments = new[] { upload.Id } })));

            var statuses = string.Join(", ", responses.Select(r => (int)r.StatusCode).Order());
            var added = (await Alice.ApiThreadMessagesAsync(threadId)).Count - before;
            if (statuses != "201, 400" || added != 1)
            {
                var carrying = (await Alice.ApiAttachmentsAsync(threadId)).Count(m => m.Value.Any(a => a.Id == upload.Id));
                failures.Add($"round {round}: answered {statuses}, {added} messages added, {carrying} carrying the file");
            }
        }

        Assert.True(failures.Count == 0, "Two messages naming one upload at once were both sent, one without it: " + string.Join("; ", failures));
    }

    /// <summary>The files of each refused case and (part of) the error the form shows.</summary>
    private static (TestFile[] Files, string Error) HostileFiles(string hostile)
    {
        const string NotAllowed = "cannot be attached: only these kinds of files can (application/pdf, image/gif, image/jpeg, image/png, image/webp, text/plain).";
        return hostile switch
        {
            "html-named-png" => ([new("x.png", Encoding.UTF8.GetBytes("<html><script>alert(1)</script>"), "image/png")], "“x.png” is not the kind of file its name says, so it cannot be attached."),
            "svg" => ([new("x.svg", Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"), "image/svg+xml")], "“x.svg” " + NotAllowed),
            "html" => ([new("x.html", Encoding.UTF8.GetBytes("<!DOCTYPE html><script>alert(1)</script>"), "text/html")], "“x.html” " + NotAllowed),
            "exe" => ([new("x.exe", [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00], "application/x-msdownload")], "“x.exe” " + NotAllowed),
            "text-with-nul" => ([new("x.txt", Encoding.UTF8.GetBytes("harmless\0text"), "text/plain")], "“x.txt” is not the kind of file its name says, so it cannot be attached."),
            "empty" => ([new("empty.txt", [], "text/plain")], "“empty.txt” is empty."),
            "too-large" => ([new("big.pdf", [.. PdfBytes, .. Enumerable.Repeat((byte)' ', MaxFileSize + 1 - PdfBytes.Length)], "application/pdf")], "“big.pdf” is larger than"),
            "six-files" => ([.. Enumerable.Range(1, 6).Select(i => Png($"photo{i}.png"))], "Attach at most 5 files to a message."),
            _ => throw new ArgumentOutOfRangeException(nameof(hostile), hostile, null),
        };
    }

    /// <summary>Downloads the attachment as <paramref name="viewer"/> and checks its bytes, its type (found in its content) and its safety headers.</summary>
    private static async Task AssertDownloadAsync(BrowserClient viewer, long attachmentId, byte[] bytes, string contentType, string disposition, string fileName)
    {
        var response = await viewer.Http.GetAsync(AttachmentSteps.Download(attachmentId));

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Download of {fileName}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal(bytes, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Contains("sandbox", string.Join(";", response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        var header = response.Content.Headers.ContentDisposition;
        Assert.NotNull(header);
        Assert.Equal(disposition, header.DispositionType);
        Assert.Equal(fileName, header.FileNameStar ?? header.FileName?.Trim('"'));
    }

    /// <summary>The new message's id from the redirect to <c>#message-N</c> after a reply.</summary>
    private static long MessageIdOf(HttpResponseMessage redirect)
    {
        var location = redirect.Headers.Location!.OriginalString;
        var anchor = location.IndexOf("#message-", StringComparison.Ordinal);
        Assert.True(anchor > 0, $"The reply did not lead to its message: {location}");
        return long.Parse(location[(anchor + "#message-".Length)..], CultureInfo.InvariantCulture);
    }

    /// <summary>Purges what every participant deleted up to a minute from now by the app's clock, as the retention job does.</summary>
    private async Task<int> PurgeAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        return await scope.ServiceProvider.GetRequiredService<ThreadPurge>().PurgeAsync(now.AddMinutes(1), CancellationToken.None);
    }

    /// <summary>Runs the clean-up of uploads no message carries, as its hourly job does; returns how many it deleted.</summary>
    private async Task<int> CleanUpAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AttachmentCleanup>().RunAsync(CancellationToken.None);
    }
}
