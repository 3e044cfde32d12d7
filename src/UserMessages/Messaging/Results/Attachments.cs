namespace UserMessages.Services;

/// <summary>A file attached to a message, as pages and the API show it.</summary>
/// <param name="Id">The attachment (its download address is <c>{prefix}/attachments/{id}</c>).</param>
/// <param name="FileName">Its name as uploaded (encode it when you show it).</param>
/// <param name="ContentType">The type found in its content, e.g. <c>image/png</c>.</param>
/// <param name="Length">Its size in bytes.</param>
public sealed record AttachmentItem(long Id, string FileName, string ContentType, long Length)
{
    /// <summary>Whether it is a picture (PNG, JPEG, GIF or WebP); the others are downloaded.</summary>
    public bool IsImage => ContentType.StartsWith("image/", StringComparison.Ordinal);
}

/// <summary>A file to attach: its name as uploaded, its size, and how to read it (possibly more than once).</summary>
/// <param name="FileName">The name the person gave it.</param>
/// <param name="Length">Its size in bytes.</param>
/// <param name="Open">Opens its bytes from the start; the caller disposes what it returns.</param>
public sealed record AttachmentUpload(string FileName, long Length, Func<Stream> Open);

/// <summary>An attachment opened for download: what it is, and its bytes (dispose them).</summary>
/// <param name="Attachment">The attachment.</param>
/// <param name="Content">Its bytes.</param>
public sealed record AttachmentDownload(AttachmentItem Attachment, Stream Content);
