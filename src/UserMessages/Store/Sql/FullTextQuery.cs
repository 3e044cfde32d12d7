using System.Globalization;
using System.Text;

namespace UserMessages.Store;

/// <summary>
/// Turns what someone typed into PostgreSQL <c>to_tsquery</c> text: every word must appear, in any
/// order; the last word is a prefix while it is still being typed (nothing after it), so
/// "apple" finds "apples" but "50%" does not find "500".
/// </summary>
internal static class FullTextQuery
{
    /// <summary>The query text, or <see langword="null"/> when <paramref name="typed"/> has no word (only emoji or punctuation).</summary>
    public static string? From(string typed)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var c in typed.EnumerateRunes())
        {
            if (IsWordCharacter(c))
            {
                word.Append(c.ToString());
            }
            else if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }

        var lastIsPrefix = word.Length > 0;
        if (lastIsPrefix)
        {
            words.Add(word.ToString());
        }

        if (words.Count == 0)
        {
            return null;
        }

        // Words hold letters, digits and marks only, so quoting them leaves nothing for the query syntax.
        return string.Join(" & ", words.Select((w, i) => $"'{w}'" + (lastIsPrefix && i == words.Count - 1 ? ":*" : string.Empty)));
    }

    private static bool IsWordCharacter(Rune c) => Rune.IsLetterOrDigit(c)
        || Rune.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
}
