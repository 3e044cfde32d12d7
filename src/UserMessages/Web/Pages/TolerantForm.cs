using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace UserMessages.Web.Pages;

/// <summary>
/// A form-encoded body read again, with every character as sent: for the forms the framework's reader
/// refuses (it will not decode <c>%00</c>), whose values the messaging rules then refuse field by field.
/// </summary>
internal static class TolerantForm
{
    private const int MaxFields = 1024;

    /// <summary>The buffered body's fields, or null when it is not a form of ours at all.</summary>
    public static async Task<FormCollection?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        request.Body.Position = 0;
        using var reader = new StreamReader(request.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        var body = await reader.ReadToEndAsync(cancellationToken);
        var fields = new Dictionary<string, StringValues>(StringComparer.OrdinalIgnoreCase);
        var pairs = body.Split('&', StringSplitOptions.RemoveEmptyEntries);
        if (pairs.Length > MaxFields)
        {
            return null;
        }

        foreach (var pair in pairs)
        {
            var split = pair.IndexOf('=', StringComparison.Ordinal);
            var (key, value) = split < 0 ? (Decode(pair), string.Empty) : (Decode(pair[..split]), Decode(pair[(split + 1)..]));
            if (key is null || value is null)
            {
                return null;
            }

            fields[key] = StringValues.Concat(fields.GetValueOrDefault(key), value);
        }

        return new FormCollection(fields);
    }

    private static string? Decode(string text)
    {
        try
        {
            return Uri.UnescapeDataString(text.Replace('+', ' '));
        }
        catch (UriFormatException)
        {
            return null;
        }
    }
}
