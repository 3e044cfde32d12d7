using System.Diagnostics.CodeAnalysis;

namespace UserMessages.About;

/// <summary>
/// What a conversation is about, as the host names it: a kind and a key (<c>listing:123</c>, <c>order:A-17</c>). The kind is 1 to
/// 32 lowercase letters, digits, <c>-</c> or <c>_</c>; the key 1 to 128 visible characters without spaces.
/// </summary>
/// <param name="Kind">The kind of object, for example <c>listing</c>.</param>
/// <param name="Key">The object's key within its kind, for example <c>123</c>.</param>
public sealed record AboutReference(string Kind, string Key)
{
    /// <summary>The longest kind.</summary>
    public const int MaxKindLength = 32;

    /// <summary>The longest key.</summary>
    public const int MaxKeyLength = 128;

    /// <summary>The longest reference written out (<c>kind:key</c>).</summary>
    public const int MaxLength = Domain.MessageThread.MaxAboutLength;

    /// <summary>Reads <c>kind:key</c>; false (and null) for anything else.</summary>
    /// <param name="text">The reference as written, for example <c>listing:123</c>.</param>
    /// <param name="reference">The reference read, or <see langword="null"/>.</param>
    /// <returns>Whether <paramref name="text"/> is a reference.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out AboutReference? reference)
    {
        reference = null;
        var colon = text?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        if (text is null || colon < 1 || colon > MaxKindLength || text.Length - colon - 1 is < 1 or > MaxKeyLength)
        {
            return false;
        }

        var (kind, key) = (text[..colon], text[(colon + 1)..]);
        if (!kind.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_') || !key.All(c => c > ' ' && c != '\u007f' && !char.IsWhiteSpace(c) && !char.IsControl(c) && !char.IsSurrogate(c)))
        {
            return false;
        }

        reference = new AboutReference(kind, key);
        return true;
    }

    /// <summary>The reference as written: <c>kind:key</c>.</summary>
    /// <returns>The kind and the key joined by a colon.</returns>
    public override string ToString() => Kind + ":" + Key;
}
