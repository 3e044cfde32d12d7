using System.Data.Common;

namespace UserMessages.Store;

/// <summary>
/// Reads the package's UTC time columns from a data reader, parsing SQLite's text form by hand and leaving
/// every other form and database to the reader's own <see cref="DbDataReader.GetDateTime"/>.
/// </summary>
internal static class StoredTime
{
    private const int SecondsLength = 19;

    private const int MaxLength = SecondsLength + 1 + 7;

    /// <summary>The time in column <paramref name="ordinal"/> of the current row, marked as UTC.</summary>
    public static DateTime ReadUtc(DbDataReader row, int ordinal)
        => row.GetFieldType(ordinal) == typeof(string) && TryParse(row.GetString(ordinal), out var at)
            ? at
            : DateTime.SpecifyKind(row.GetDateTime(ordinal), DateTimeKind.Utc);

    /// <summary>Reads <paramref name="text"/> when it is exactly <c>yyyy-MM-dd HH:mm:ss</c> with an optional fraction of one to seven digits.</summary>
    internal static bool TryParse(ReadOnlySpan<char> text, out DateTime value)
    {
        value = default;
        if (text.Length is not (SecondsLength or (> SecondsLength + 1 and <= MaxLength))
            || text[4] != '-' || text[7] != '-' || text[10] != ' ' || text[13] != ':' || text[16] != ':'
            || (text.Length > SecondsLength && text[SecondsLength] != '.'))
        {
            return false;
        }

        if (!TryDigits(text[..4], out var year) || !TryDigits(text.Slice(5, 2), out var month) || !TryDigits(text.Slice(8, 2), out var day)
            || !TryDigits(text.Slice(11, 2), out var hour) || !TryDigits(text.Slice(14, 2), out var minute) || !TryDigits(text.Slice(17, 2), out var second))
        {
            return false;
        }

        var ticks = 0;
        if (text.Length > SecondsLength)
        {
            var fraction = text[(SecondsLength + 1)..];
            if (!TryDigits(fraction, out ticks))
            {
                return false;
            }

            for (var i = fraction.Length; i < 7; i++)
            {
                ticks *= 10;
            }
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        value = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc).AddTicks(ticks);
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<char> digits, out int number)
    {
        number = 0;
        foreach (var c in digits)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            number = (number * 10) + (c - '0');
        }

        return true;
    }
}
