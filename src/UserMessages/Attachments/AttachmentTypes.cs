using System.Text;

namespace UserMessages.Attachments;

/// <summary>
/// The file types an attachment may have, each recognised by its content (the first bytes; for text, that it is UTF-8 without
/// control characters) and its name's extension together: a file named <c>x.png</c> that is not a PNG image is refused.
/// </summary>
internal static class AttachmentTypes
{
    public const string Png = "image/png";
    public const string Jpeg = "image/jpeg";
    public const string Gif = "image/gif";
    public const string Webp = "image/webp";
    public const string Pdf = "application/pdf";
    public const string Text = "text/plain";

    /// <summary>Every type the package recognises.</summary>
    public static readonly string[] Known = [Png, Jpeg, Gif, Webp, Pdf, Text];

    /// <summary>The bytes read to recognise a file (text is checked in full).</summary>
    public const int HeadLength = 16;

    private static readonly Dictionary<string, string> ByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".png"] = Png, [".jpg"] = Jpeg, [".jpeg"] = Jpeg, [".gif"] = Gif, [".webp"] = Webp, [".pdf"] = Pdf, [".txt"] = Text,
    };

    /// <summary>The type a file's name claims by its extension, or <see langword="null"/> for one the package does not know.</summary>
    public static string? OfName(string fileName) => ByExtension.GetValueOrDefault(Path.GetExtension(fileName));

    /// <summary>Whether <paramref name="content"/> is a file of <paramref name="type"/>.</summary>
    public static bool Matches(string type, ReadOnlySpan<byte> content) => type switch
    {
        Png => content.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
        Jpeg => content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]),
        Gif => content.StartsWith("GIF87a"u8) || content.StartsWith("GIF89a"u8),
        Webp => content.Length >= 12 && content.StartsWith("RIFF"u8) && content[8..12].SequenceEqual("WEBP"u8),
        Pdf => content.StartsWith("%PDF-"u8),
        Text => IsText(content),
        _ => false,
    };

    /// <summary>Whether the type is shown as a picture (the others are downloaded).</summary>
    public static bool IsImage(string type) => type is Png or Jpeg or Gif or Webp;

    /// <summary>UTF-8 with no control characters but line breaks and tabs (a byte-order mark allowed).</summary>
    private static bool IsText(ReadOnlySpan<byte> content)
    {
        try
        {
            var text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(content);
            return !text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t'));
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
