using Microsoft.Playwright;

namespace UserMessages.BrowserTests.Look;

/// <summary>
/// The README's screenshots, in docs/screenshots of the repository the tests were built from. A
/// screenshot replaces the committed file only when it looks different: Chromium's software
/// rasterizer varies a few anti-aliased pixels from run to run, which is no reason to change a file.
/// </summary>
public static class Screenshots
{
    private const string SameLook =
        """
        async ({ before, after }) => {
          const load = async data => { const img = new Image(); img.src = "data:image/png;base64," + data; await img.decode(); return img; };
          const pixels = img => {
            const canvas = new OffscreenCanvas(img.width, img.height);
            const context = canvas.getContext("2d");
            context.drawImage(img, 0, 0);
            return context.getImageData(0, 0, img.width, img.height).data;
          };
          const [a, b] = await Promise.all([load(before), load(after)]);
          if (a.width !== b.width || a.height !== b.height) return false;
          const [p, q] = [pixels(a), pixels(b)];
          for (let i = 0; i < p.length; i++) { if (Math.abs(p[i] - q[i]) > 8) return false; }
          return true;
        }
        """;

    /// <summary>Takes a full-page screenshot of <paramref name="page"/> as docs/screenshots/<paramref name="name"/>.png.</summary>
    public static async Task SaveAsync(IPage page, string name)
    {
        var path = Path.Combine(Folder(), name + ".png");
        var png = await page.ScreenshotAsync(new PageScreenshotOptions { FullPage = true, Animations = ScreenshotAnimations.Disabled });
        if (File.Exists(path))
        {
            var before = Convert.ToBase64String(await File.ReadAllBytesAsync(path));
            if (await page.EvaluateAsync<bool>(SameLook, new { before, after = Convert.ToBase64String(png) }))
            {
                return;
            }
        }

        await File.WriteAllBytesAsync(path, png);
    }

    private static string Folder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "UserMessages.sln")))
            {
                var folder = Path.Combine(dir.FullName, "docs", "screenshots");
                Directory.CreateDirectory(folder);
                return folder;
            }
        }

        throw new InvalidOperationException("UserMessages.sln not found above " + AppContext.BaseDirectory);
    }
}
