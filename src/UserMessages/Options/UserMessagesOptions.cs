using UserMessages.Storage;

namespace UserMessages;

/// <summary>Settings of the messaging feature, validated when the app starts.</summary>
public class UserMessagesOptions
{
    /// <summary>The longest message content, in characters. Default 10,000.</summary>
    public int MaxContentLength { get; set; } = 10_000;

    /// <summary>
    /// Whether messages are written in a small Markdown (emphasis, links, lists, quotes, code) and shown formatted.
    /// When <see langword="false"/>, every message shows as the plain text it was written in. Default <see langword="true"/>.
    /// </summary>
    public bool Formatting { get; set; } = true;

    /// <summary>How long after sending its sender may edit or delete a message; <see cref="TimeSpan.Zero"/> turns both off. Default 15 minutes.</summary>
    public TimeSpan EditWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The most recipients one new thread may have. Default 20.</summary>
    public int MaxRecipients { get; set; } = 20;

    /// <summary>Threads per folder page. Default 25.</summary>
    public int PageSize { get; set; } = 25;

    /// <summary>Messages per thread page (the newest are shown first; older ones a page at a time). Default 50.</summary>
    public int ThreadPageSize { get; set; } = 50;

    /// <summary>
    /// The Razor layout the bundled pages render in, e.g. <c>/Views/Shared/_Layout.cshtml</c>; when <see langword="null"/>,
    /// the host's usual one, else a Blazor Web App's layout component (see <see cref="Blazor"/>), else the package's own.
    /// </summary>
    public string? Layout { get; set; }

    /// <summary>Kept pages: folder and thread pages served again from memory while nothing they show changed. Off by default.</summary>
    public UserMessagesKeptPagesOptions KeptPages { get; } = new();

    /// <summary>In a Blazor Web App: the root and layout components the pages render in (found by themselves in the template's site).</summary>
    public UserMessagesBlazorOptions Blazor { get; } = new();

    /// <summary>
    /// Whether a thread from someone a recipient has not exchanged messages with waits in their Requests folder
    /// (no badge, no e-mail) until they accept it. Default <see langword="true"/>.
    /// </summary>
    public bool MessageRequests { get; set; } = true;

    /// <summary>The shortest search query, in characters. Default 2.</summary>
    public int MinSearchLength { get; set; } = 2;

    /// <summary>Table names, schema and model version.</summary>
    public UserMessagesStoreOptions Store { get; } = new();

    /// <summary>Sending and type-ahead limits.</summary>
    public UserMessagesLimits Limits { get; } = new();

    /// <summary>Digest timing of notifications.</summary>
    public UserMessagesNotificationOptions Notifications { get; } = new();

    /// <summary>Purging of threads everyone deleted or left.</summary>
    public UserMessagesRetentionOptions Retention { get; } = new();

    /// <summary>Limits for accounts younger than a configured age.</summary>
    public UserMessagesNewAccountOptions NewAccounts { get; } = new();

    /// <summary>Files attached to messages: how many, how large, which types, and where the default store keeps them.</summary>
    public UserMessagesAttachmentOptions Attachments { get; } = new();

    /// <summary>Reports, the moderation queue and who may use it.</summary>
    public UserMessagesModerationOptions Moderation { get; } = new();

    /// <summary>The security headers the pages and the API send unless the host sets its own.</summary>
    public UserMessagesSecurityHeaders SecurityHeaders { get; } = new();
}
