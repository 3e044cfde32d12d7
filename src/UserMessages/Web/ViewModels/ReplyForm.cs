namespace UserMessages.ViewModels;

/// <summary>The reply form of a thread page.</summary>
public sealed class ReplyForm
{
    /// <summary>The thread replied to.</summary>
    public long ThreadId { get; set; }

    /// <summary>The reply as typed.</summary>
    public string Content { get; set; } = string.Empty;

    /// <summary>The add-people field as last typed (user names or e-mail addresses).</summary>
    public string AddPeople { get; set; } = string.Empty;

    /// <summary>People picked from the suggestions to add: sent by id, shown by their public name.</summary>
    public IList<Users.MessagingUser> ChosenToAdd { get; } = new List<Users.MessagingUser>();

    /// <summary>What was wrong with the last submission (<c>Content</c> for the reply, <c>To</c> for adding people).</summary>
    public FormErrors Errors { get; } = new();

    /// <summary>The longest message allowed (for the text area's <c>maxlength</c>).</summary>
    public int MaxContentLength { get; set; }

    /// <summary>After the Preview button: the reply as it will be shown (HTML safe to write as it is), else <see langword="null"/>.</summary>
    public string? PreviewHtml { get; set; }

    /// <summary>Files already uploaded with an earlier submission of the form, sent again as ticked boxes (untick one to leave it out).</summary>
    public IList<Services.AttachmentItem> Attachments { get; } = new List<Services.AttachmentItem>();
}
