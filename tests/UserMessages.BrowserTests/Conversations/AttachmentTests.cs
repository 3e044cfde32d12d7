using Microsoft.Playwright;
using UserMessages.BrowserTests.Infrastructure;
using UserMessages.BrowserTests.Look;
using static Microsoft.Playwright.Assertions;

namespace UserMessages.BrowserTests.Conversations;

/// <summary>Issue 22, item 2: a picture attached through the reply form is shown, live, in the other person's open thread; the pages stay accessible.</summary>
public sealed class AttachmentTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    /// <summary>A real 200×120 PNG, which a browser decodes.</summary>
    private static readonly byte[] Pixel = TestPictures.Gradient(200, 120);

    [SkippableFact]
    public async Task APictureAttachedToAReply_IsShownInTheOtherPersonsOpenThread_AndAPdfIsADownload()
    {
        var alice = await UserAsync("alice");
        var bob = await UserAsync("bob");
        var threadId = await Site.StartThreadAsync(alice, [bob], "Holiday", "Pictures?");
        var bobs = await SignedInAsync(bob);
        await bobs.GotoAsync($"/messages/thread/{threadId}");
        await Expect(bobs.Locator("#user-messages")).ToHaveAttributeAsync("data-um-live", "connected");

        var alices = await SignedInAsync(alice);
        await alices.GotoAsync($"/messages/thread/{threadId}");
        await alices.Locator("#um-reply-content").FillAsync("Here is the beach, and the tickets.");
        await alices.Locator("#um-reply-files").SetInputFilesAsync(
        [
            new FilePayload { Name = "beach.png", MimeType = "image/png", Buffer = Pixel },
            new FilePayload { Name = "tickets.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.4\n%%EOF\n"u8.ToArray() },
        ]);
        await alices.Locator("#um-reply-send").ClickAsync();
        await Expect(alices.Locator("#um-messages .um-message").Last.Locator(".um-attachment")).ToHaveCountAsync(2);

        var live = bobs.Locator("#um-messages .um-message").Last;
        var picture = live.Locator(".um-attachment__picture img");
        await Expect(picture).ToHaveAttributeAsync("alt", "beach.png");
        await Expect(picture).ToHaveAttributeAsync("loading", "lazy");
        await bobs.WaitForFunctionAsync("() => { const i = document.querySelector('#um-messages .um-message:last-child .um-attachment__picture img'); return i && i.complete && i.naturalWidth === 200; }");
        await Expect(live.Locator(".um-attachment__link")).ToHaveTextAsync(["beach.png", "tickets.pdf"]);

        // The PDF is a download, with its name.
        var download = await bobs.RunAndWaitForDownloadAsync(() => live.Locator(".um-attachment__link", new() { HasText = "tickets.pdf" }).ClickAsync());
        Assert.Equal("tickets.pdf", download.SuggestedFilename);
    }

    [SkippableTheory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task AThreadWithAttachments_TheComposeForm_AndARefusedFile_HaveNoSeriousOrCriticalViolations(ColorScheme scheme)
    {
        var alice = await UserAsync("alice");
        var bob = await UserAsync("bob");
        var threadId = await Site.StartThreadAsync(alice, [bob], "Holiday", "Pictures?");
        var options = new BrowserNewContextOptions { ColorScheme = scheme, ViewportSize = new() { Width = 1280, Height = 900 } };
        var alices = await SignedInAsync(alice, options);
        await alices.GotoAsync($"/messages/thread/{threadId}");
        await alices.Locator("#um-reply-content").FillAsync("The beach.");
        await alices.Locator("#um-reply-files").SetInputFilesAsync(new FilePayload { Name = "beach.png", MimeType = "image/png", Buffer = Pixel });
        await alices.Locator("#um-reply-send").ClickAsync();
        await Expect(alices.Locator("#um-messages .um-attachment")).ToHaveCountAsync(1);
        var violations = (await alices.SeriousViolationsAsync()).ToList();
        if (scheme == ColorScheme.Light)
        {
            await Screenshots.SaveAsync(alices, "attachments-thread-desktop");
        }

        // A file that is not what its name says comes back refused, the text kept.
        await alices.Locator("#um-reply-content").FillAsync("And this.");
        await alices.Locator("#um-reply-files").SetInputFilesAsync(new FilePayload { Name = "x.png", MimeType = "image/png", Buffer = "<html><script>alert(1)</script>"u8.ToArray() });
        await alices.Locator("#um-reply-send").ClickAsync();
        await Expect(alices.Locator("#um-reply-files-error")).ToContainTextAsync("x.png");
        await Expect(alices.Locator("#um-reply-content")).ToHaveValueAsync("And this.");
        violations.AddRange(await alices.SeriousViolationsAsync());

        await alices.GotoAsync("/messages/create");
        await Expect(alices.Locator("#um-files")).ToBeVisibleAsync();
        violations.AddRange(await alices.SeriousViolationsAsync());

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }
}
