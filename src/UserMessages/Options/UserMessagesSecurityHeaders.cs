namespace UserMessages;

/// <summary>
/// The security headers every page and API response of the package carries. Each is a default: a
/// header the host's own middleware has set is kept, and <see langword="null"/> sends none.
/// </summary>
public sealed class UserMessagesSecurityHeaders
{
    /// <summary>Whether the package sends any of these headers. Default <see langword="true"/>.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary><c>X-Content-Type-Options</c>. Default <c>nosniff</c>.</summary>
    public string? ContentTypeOptions { get; set; } = "nosniff";

    /// <summary><c>X-Frame-Options</c>, for browsers without <c>frame-ancestors</c>. Default <c>DENY</c> (no site may frame the pages).</summary>
    public string? FrameOptions { get; set; } = "DENY";

    /// <summary><c>Referrer-Policy</c>. Default <c>same-origin</c>: links in messages never tell other sites a thread's address.</summary>
    public string? ReferrerPolicy { get; set; } = "same-origin";

    /// <summary>
    /// <c>Content-Security-Policy</c> of the pages: their own scripts and styles satisfy it (no inline script,
    /// style or event handler), and the hash of the host's import map is added to <c>script-src</c> (in a Blazor
    /// Web App also <c>'unsafe-hashes'</c> and the hash of the template nav menu's one <c>onclick</c> handler).
    /// </summary>
    public string? PageContentSecurityPolicy { get; set; } =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
        + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary><c>Content-Security-Policy</c> of the API's and every other non-HTML answer. Default <c>default-src 'none'; frame-ancestors 'none'</c>.</summary>
    public string? ApiContentSecurityPolicy { get; set; } = "default-src 'none'; frame-ancestors 'none'";
}
