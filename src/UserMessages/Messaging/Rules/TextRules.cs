namespace UserMessages.Services;

/// <summary>
/// Which text the package stores: no control characters (databases refuse some, e-mail headers break
/// on others) and no half of a surrogate pair; line breaks and tabs only where a text may have lines.
/// </summary>
internal static class TextRules
{
    /// <summary>True when <paramref name="text"/> may be stored: one line of it, or several with <paramref name="multiline"/>.</summary>
    public static bool IsStorable(string text, bool multiline)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c)
                || (char.IsControl(c) && !(multiline && c is '\n' or '\r' or '\t'))
                || (!multiline && c is '\u2028' or '\u2029'))
            {
                return false;
            }
        }

        return true;
    }
}
