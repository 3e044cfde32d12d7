namespace UserMessages.About;

/// <summary>
/// The small card of what a conversation is about, shown at the top of the thread and in the folder rows. A link or image
/// address that is neither <c>http(s)</c> nor a path on the site (<c>/...</c>) is not shown.
/// </summary>
/// <param name="Title">What it is called, for example the listing's title (shown as text).</param>
/// <param name="Url">Where it is on the site, for example <c>/listings/123</c>.</param>
public sealed record AboutCard(string Title, string Url)
{
    /// <summary>A picture of it (shown small, loaded lazily), or <see langword="null"/>.</summary>
    public string? ImageUrl { get; init; }

    /// <summary>Whether <paramref name="url"/> is one a card may link to: absolute <c>http</c>/<c>https</c>, or a path on the site.</summary>
    internal static bool IsSafe(string? url)
        => url is { Length: > 0 } && (url[0] == '/' ? url.Length == 1 || (url[1] != '/' && url[1] != '\\')
            : Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps));
}
