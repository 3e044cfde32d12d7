namespace UserMessages.BrowserTests.Infrastructure;

/// <summary>
/// The Chromium the browser tests drive: USERMESSAGES_CHROMIUM, else Debian's /usr/bin/chromium
/// (./test.sh installs it when missing). Without it the tests are skipped with the reason, except in
/// CI, where a missing browser is a failure.
/// </summary>
public static class Chromium
{
    private const string DebianPath = "/usr/bin/chromium";

    /// <summary>The browser's path, or null when there is none.</summary>
    public static string? Find()
    {
        var configured = Environment.GetEnvironmentVariable("USERMESSAGES_CHROMIUM");
        if (!string.IsNullOrEmpty(configured))
        {
            return File.Exists(configured) ? configured : null;
        }

        return File.Exists(DebianPath) ? DebianPath : null;
    }

    /// <summary>Skips the calling test when there is no browser; in CI, fails it.</summary>
    public static void Require(string? path)
    {
        if (path is not null)
        {
            return;
        }

        const string Reason = "skipped: no Chromium; install it (apt-get install -y chromium; ./test.sh does) or set USERMESSAGES_CHROMIUM=/path/to/chromium";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException("CI must run the browser tests, but Chromium is missing: " + Reason);
        }

        throw new SkipException(Reason);
    }
}
