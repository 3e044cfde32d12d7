using System.Globalization;

namespace UserMessages.Store;

/// <summary>A position in a list sorted by (time, id): the last row seen, written as <c>ticks-id</c>.</summary>
internal readonly record struct KeysetCursor(DateTime At, long Id)
{
    public override string ToString()
        => string.Create(CultureInfo.InvariantCulture, $"{At.Ticks}-{Id}");

    public static bool TryParse(string? text, out KeysetCursor cursor)
    {
        cursor = default;
        if (string.IsNullOrEmpty(text) || text.Length > 40)
        {
            return false;
        }

        var dash = text.IndexOf('-', StringComparison.Ordinal);
        if (dash <= 0
            || !long.TryParse(text.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || !long.TryParse(text.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            || ticks > DateTime.MaxValue.Ticks)
        {
            return false;
        }

        cursor = new KeysetCursor(new DateTime(ticks, DateTimeKind.Utc), id);
        return true;
    }
}

/// <summary>Which page of a keyset-paged list is read: the newest, the one older than a cursor, or the one newer than it (read oldest first).</summary>
internal enum PageKind
{
    Newest,
    Older,
    Newer,
}

/// <summary>A page of a keyset-paged list: older than <see cref="Before"/>, newer than <see cref="After"/>, or the newest (at most one is set).</summary>
internal readonly record struct KeysetPage(KeysetCursor? Before, KeysetCursor? After)
{
    /// <summary>The page asked for.</summary>
    public PageKind Kind => Before is not null ? PageKind.Older : After is not null ? PageKind.Newer : PageKind.Newest;

    /// <summary>The cursor the page starts from, if any.</summary>
    public KeysetCursor? Cursor => Before ?? After;
}
