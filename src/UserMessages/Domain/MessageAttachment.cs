namespace UserMessages.Domain;

/// <summary>A file attached to a message; until its message is sent (or when that message is gone), it waits to be cleaned up.</summary>
public class MessageAttachment
{
    /// <summary>The longest file name kept (a longer one is shortened, its extension kept).</summary>
    public const int MaxFileNameLength = 200;

    /// <summary>The attachment's primary key.</summary>
    public long Id { get; set; }

    /// <summary>The message it belongs to, or <see langword="null"/> while it is uploaded but not sent (or after its message was deleted).</summary>
    public long? MessageId { get; set; }

    /// <summary>The held message it waits with for a moderator's review (not cleaned up meanwhile), else <see langword="null"/>.</summary>
    public long? HeldMessageId { get; set; }

    /// <summary>Who uploaded it, as the user directory spells their id.</summary>
    public string UploaderId { get; set; } = string.Empty;

    /// <summary>The file's name as uploaded (no folders), shown to people and used when it is downloaded.</summary>
    public string FileName { get; set; } = string.Empty;

    /// <summary>The type found in its content (never taken from the upload's own claim), e.g. <c>image/png</c>.</summary>
    public string ContentType { get; set; } = string.Empty;

    /// <summary>Its size in bytes.</summary>
    public long Length { get; set; }

    /// <summary>Where the <see cref="Attachments.IAttachmentStore"/> keeps it (its key there).</summary>
    public string StorageKey { get; set; } = string.Empty;

    /// <summary>When it was uploaded (UTC).</summary>
    public DateTime UploadedAt { get; set; }
}
