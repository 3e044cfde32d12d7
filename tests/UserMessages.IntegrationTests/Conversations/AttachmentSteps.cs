using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using UserMessages.Domain;
using UserMessages.IntegrationTests.Api;
using UserMessages.IntegrationTests.Infrastructure;

namespace UserMessages.IntegrationTests.Conversations;

/// <summary>A file a test attaches: its name, its bytes, and the type the browser claims for it (never trusted by the app).</summary>
public sealed record TestFile(string Name, byte[] Bytes, string ClaimedType = "application/octet-stream");

/// <summary>An attachment as the API shows it (the upload's answer, a thread's message).</summary>
public sealed record ApiAttachmentView(long Id, string FileName, string ContentType, long Length, string Url);

/// <summary>Small real files, built in code.</summary>
public static class TestFiles
{
    /// <summary>A valid 1x1 PNG image (67 bytes).</summary>
    public static readonly byte[] PngBytes = Convert.FromHexString(
        "89504E470D0A1A0A0000000D49484452000000010000000108060000001F15C4890000000A49444154789C63000100000500010D0A2DB40000000049454E44AE426082");

    /// <summary>A valid 1x1 GIF image.</summary>
    public static readonly byte[] GifBytes = Convert.FromHexString(
        "474946383961010001008000000000FFFFFF21F90401000000002C00000000010001000002024401003B");

    /// <summary>A small PDF (its header and a trailer: enough to be one by its first bytes).</summary>
    public static readonly byte[] PdfBytes = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    /// <summary>UTF-8 text with letters beyond ASCII.</summary>
    public static readonly byte[] TextBytes = Encoding.UTF8.GetBytes("Grüße aus Köln!\nSee you on Saturday.\r\n\tBring bread.\n");

    public static TestFile Png(string name = "photo.png") => new(name, PngBytes, "image/png");

    public static TestFile Gif(string name = "wave.gif") => new(name, GifBytes, "image/gif");

    public static TestFile Pdf(string name = "plan.pdf") => new(name, PdfBytes, "application/pdf");

    public static TestFile Text(string name = "notes.txt") => new(name, TextBytes, "text/plain");
}

/// <summary>Attaching files through the pages (multipart forms, no script) and the API, downloading them, and where they are kept.</summary>
public static class AttachmentSteps
{
    public const string ApiUpload = ApiSteps.Root + "/attachments";

    public static string Download(long attachmentId) => "/messages/attachments/" + attachmentId.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Posts the form as a browser does with files chosen: <c>multipart/form-data</c> with every named input and textarea (the
    /// antiforgery token and the ticked <c>AttachmentId</c> boxes too), <paramref name="overrides"/> replacing or adding fields,
    /// and <paramref name="files"/> in the file input <c>Files</c> (with none, the empty part a browser sends for an empty input).
    /// </summary>
    public static Task<HttpResponseMessage> SubmitWithFilesAsync(
        this BrowserClient browser, HtmlPage page, string formSelector, IReadOnlyDictionary<string, string>? overrides, params TestFile[] files)
    {
        var form = page.Single<IHtmlFormElement>(formSelector);
        Assert.Equal("multipart/form-data", form.GetAttribute("enctype"));
        var fileInput = form.QuerySelector("input[type='file']") as IHtmlInputElement;
        Assert.NotNull(fileInput);
        Assert.Equal("Files", fileInput.Name);

        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.QuerySelectorAll("input[name], textarea[name]"))
        {
            var name = element.GetAttribute("name")!;
            switch (element)
            {
                case IHtmlInputElement { Type: "submit" or "button" or "reset" or "image" or "file" }:
                    break;
                case IHtmlInputElement { Type: "checkbox" or "radio", IsChecked: false }:
                    break;
                case IHtmlInputElement input:
                    fields.Add(new(name, input.Value));
                    break;
                case IHtmlTextAreaElement textArea:
                    fields.Add(new(name, textArea.Value));
                    break;
            }
        }

        foreach (var (name, value) in overrides ?? new Dictionary<string, string>())
        {
            fields.RemoveAll(f => f.Key == name);
            fields.Add(new(name, value));
        }

        var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value, Encoding.UTF8), name);
        }

        if (files.Length == 0)
        {
            var nothing = new ByteArrayContent([]);
            nothing.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            nothing.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"Files\"", FileName = "\"\"" };
            content.Add(nothing);
        }

        foreach (var file in files)
        {
            AddFile(content, "Files", file);
        }

        var action = form.GetAttribute("action") is { Length: > 0 } a ? a : page.Response.RequestMessage!.RequestUri!.PathAndQuery;
        return browser.Http.PostAsync(action, content);
    }

    /// <summary>Replies through the thread page's form with <paramref name="files"/> chosen; returns the response.</summary>
    public static async Task<HttpResponseMessage> ReplyWithFilesAsync(this BrowserClient browser, long threadId, string content, params TestFile[] files)
    {
        var thread = await browser.GetPageAsync(Paths.Thread(threadId));
        Assert.Equal(HttpStatusCode.OK, thread.Status);
        return await browser.SubmitWithFilesAsync(thread, "#um-reply-form", new Dictionary<string, string> { ["Content"] = content }, files);
    }

    /// <summary>Sends the compose form with <paramref name="files"/> chosen; returns the response.</summary>
    public static async Task<HttpResponseMessage> ComposeWithFilesAsync(this BrowserClient browser, string to, string subject, string content, params TestFile[] files)
    {
        var form = await browser.GetPageAsync(Paths.Create);
        Assert.Equal(HttpStatusCode.OK, form.Status);
        return await browser.SubmitWithFilesAsync(form, "#um-compose-form", MessagingSteps.ComposeFields(to, subject, content), files);
    }

    /// <summary>Uploads through the API (multipart, field <c>files</c>); returns the response.</summary>
    public static Task<HttpResponseMessage> ApiUploadAsync(this BrowserClient browser, params TestFile[] files)
    {
        var content = new MultipartFormDataContent();
        foreach (var file in files)
        {
            AddFile(content, "files", file);
        }

        return browser.Http.PostAsync(ApiUpload, content);
    }

    /// <summary>Uploads through the API, asserting 201; returns what it answered, one per file.</summary>
    public static async Task<IReadOnlyList<ApiAttachmentView>> ApiUploadedAsync(this BrowserClient browser, params TestFile[] files)
    {
        var response = await browser.ApiUploadAsync(files);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"Upload: {(int)response.StatusCode} {text}");
        using var json = JsonDocument.Parse(text);
        return json.RootElement.EnumerateArray().Select(ReadAttachment).ToList();
    }

    /// <summary>Starts a thread through the API carrying the uploads <paramref name="attachmentIds"/>, asserting 201; returns its id.</summary>
    public static async Task<long> ApiStartThreadWithAsync(this BrowserClient browser, string to, IReadOnlyList<long> attachmentIds)
    {
        var response = await browser.PostJsonAsync(ApiSteps.Threads, new { to = new[] { to }, subject = "Files", content = "Files attached.", attachments = attachmentIds });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"Start: {(int)response.StatusCode} {text}");
        using var json = JsonDocument.Parse(text);
        return json.RootElement.GetProperty("threadId").GetInt64();
    }

    /// <summary>The attachments of each message of the API's thread, by message id.</summary>
    public static async Task<IReadOnlyDictionary<long, IReadOnlyList<ApiAttachmentView>>> ApiAttachmentsAsync(this BrowserClient browser, long threadId)
    {
        using var thread = await browser.GetJsonAsync(ApiSteps.Thread(threadId));
        return thread.RootElement.GetProperty("messages").EnumerateArray().ToDictionary(
            m => m.GetProperty("id").GetInt64(),
            m => (IReadOnlyList<ApiAttachmentView>)m.GetProperty("attachments").EnumerateArray().Select(ReadAttachment).ToList());
    }

    /// <summary>The ids of the attachments the thread page lists (<c>li[data-um-attachment-id]</c>) inside <paramref name="scope"/>.</summary>
    public static IReadOnlyList<long> AttachmentIds(this HtmlPage page, string scope = "#um-messages")
        => page.Document.QuerySelectorAll($"{scope} ul.um-attachments li[data-um-attachment-id]")
            .Select(li => long.Parse(li.GetAttribute("data-um-attachment-id")!, CultureInfo.InvariantCulture))
            .ToList();

    /// <summary>Every upload of <paramref name="userId"/> in the database, oldest first.</summary>
    public static Task<List<MessageAttachment>> UploadsOfAsync(this MessagesFactory app, string userId)
        => app.WithDbAsync(db => db.Set<MessageAttachment>().AsNoTracking().Where(a => a.UploaderId == userId).OrderBy(a => a.Id).ToListAsync());

    /// <summary>One attachment's row, or null.</summary>
    public static Task<MessageAttachment?> AttachmentRowAsync(this MessagesFactory app, long attachmentId)
        => app.WithDbAsync(db => db.Set<MessageAttachment>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == attachmentId));

    /// <summary>Where the app's file-system store keeps the file of <paramref name="storageKey"/>.</summary>
    public static string FileOf(this MessagesFactory app, string storageKey)
        => Path.Combine(app.AttachmentFolder, storageKey[..2], storageKey[2..4], storageKey);

    /// <summary>Every file in the app's attachment folder.</summary>
    public static IReadOnlyList<string> FilesOnDisk(this MessagesFactory app)
        => Directory.Exists(app.AttachmentFolder) ? Directory.GetFiles(app.AttachmentFolder, "*", SearchOption.AllDirectories) : [];

    /// <summary>Makes uploads look <paramref name="age"/> old (the clean-up goes by their upload time).</summary>
    public static Task AgeUploadsAsync(this MessagesFactory app, IReadOnlyList<long> attachmentIds, TimeSpan age)
        => app.WithDbAsync(async db =>
        {
            foreach (var row in await db.Set<MessageAttachment>().Where(a => attachmentIds.Contains(a.Id)).ToListAsync())
            {
                row.UploadedAt -= age;
            }

            return await db.SaveChangesAsync();
        });

    /// <summary>
    /// Adds the file as HttpClient names it (<c>filename</c>, and <c>filename*</c> for letters beyond ASCII); a name HttpClient
    /// will not quote (one with a double quote) goes in <c>filename*</c> alone, percent-encoded, as RFC 7578 allows.
    /// </summary>
    private static void AddFile(MultipartFormDataContent content, string field, TestFile file)
    {
        var part = new ByteArrayContent(file.Bytes);
        part.Headers.ContentType = new MediaTypeHeaderValue(file.ClaimedType);
        if (!file.Name.Contains('"', StringComparison.Ordinal))
        {
            content.Add(part, field, file.Name);
            return;
        }

        part.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = $"\"{field}\"", FileNameStar = file.Name };
        content.Add(part);
    }

    private static ApiAttachmentView ReadAttachment(JsonElement a) => new(
        a.GetProperty("id").GetInt64(),
        a.GetProperty("fileName").GetString()!,
        a.GetProperty("contentType").GetString()!,
        a.GetProperty("length").GetInt64(),
        a.GetProperty("url").GetString()!);
}
