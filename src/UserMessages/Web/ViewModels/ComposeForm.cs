namespace UserMessages.ViewModels;

/// <summary>The compose form as typed: recipients, subject and first message.</summary>
public sealed class ComposeForm
{
    /// <summary>Names typed in full (user names or e-mail addresses, as the directory finds people), separated by commas.</summary>
    public string To { get; set; } = string.Empty;

    /// <summary>The recipient field's hint, which says what people are found by on this site.</summary>
    public string ToHint { get; set; } = string.Empty;

    /// <summary>People picked from the suggestions (or the one the form was opened for): sent by id, shown by their public name.</summary>
    public IList<Users.MessagingUser> Chosen { get; } = new List<Users.MessagingUser>();

    /// <summary>The subject.</summary>
    public string Subject { get; set; } = string.Empty;

    /// <summary>The message.</summary>
    public string Content { get; set; } = string.Empty;

    /// <summary>What was wrong with the last submission.</summary>
    public FormErrors Errors { get; } = new();

    /// <summary>The longest message allowed (for the text area's <c>maxlength</c>).</summary>
    public int MaxContentLength { get; set; }

    /// <summary>After the Preview button: the message as it will be shown (HTML safe to write as it is), else <see langword="null"/>.</summary>
    public string? PreviewHtml { get; set; }

    /// <summary>Files already uploaded with an earlier submission of the form, sent again as ticked boxes (untick one to leave it out).</summary>
    public IList<Services.AttachmentItem> Attachments { get; } = new List<Services.AttachmentItem>();

    /// <summary>What the conversation is to be about (<c>listing:123</c>, sent again in a hidden field), or <see langword="null"/>.</summary>
    public string? About { get; set; }

    /// <summary>The card of <see cref="About"/>, shown above the form, or <see langword="null"/>.</summary>
    public About.AboutCard? AboutCard { get; set; }
}
