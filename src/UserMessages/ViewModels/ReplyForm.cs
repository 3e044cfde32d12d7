namespace UserMessages.ViewModels;

/// <summary>The reply form of a thread page.</summary>
public sealed class ReplyForm
{
    /// <summary>The thread replied to.</summary>
    public long ThreadId { get; set; }

    /// <summary>The reply as typed.</summary>
    public string Content { get; set; } = string.Empty;

    /// <summary>What was wrong with the last submission.</summary>
    public FormErrors Errors { get; } = new();

    /// <summary>The longest message allowed (for the text area's <c>maxlength</c>).</summary>
    public int MaxContentLength { get; set; }
}
