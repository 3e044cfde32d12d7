namespace UserMessages;

/// <summary>Files people attach to messages: how many, how large, which types, and where the default store keeps them.</summary>
public class UserMessagesAttachmentOptions
{
    /// <summary>Whether messages may carry files. Default <see langword="true"/>.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Files per message. Default 5.</summary>
    public int MaxFiles { get; set; } = 5;

    /// <summary>The largest file, in bytes. Default 10 MB.</summary>
    public long MaxFileSize { get; set; } = 10 * 1024 * 1024;

    /// <summary>
    /// The types accepted, each recognised from the file's content and its name's extension together: <c>image/png</c>,
    /// <c>image/jpeg</c>, <c>image/gif</c>, <c>image/webp</c>, <c>application/pdf</c>, <c>text/plain</c> (the default: all of them).
    /// </summary>
    public ISet<string> AllowedTypes { get; } = new HashSet<string>(Attachments.AttachmentTypes.Known, StringComparer.OrdinalIgnoreCase);

    /// <summary>The largest image shown inside the thread (larger ones are links), in bytes. Default 5 MB.</summary>
    public long MaxInlineImageSize { get; set; } = 5 * 1024 * 1024;

    /// <summary>How long an upload waits for its message before it is deleted (and how often that is looked for). Default one hour.</summary>
    public TimeSpan UnsentLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// The folder the default file-system store keeps files in; relative to the app's content root. Default
    /// <c>App_Data/message-attachments</c> (outside <c>wwwroot</c>: files are served only through the package, to participants).
    /// </summary>
    public string Folder { get; set; } = Path.Combine("App_Data", "message-attachments");
}
