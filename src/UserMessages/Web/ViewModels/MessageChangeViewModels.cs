using UserMessages.Services;

namespace UserMessages.ViewModels;

/// <summary>The page where a sender edits their own message.</summary>
/// <param name="ThreadId">The message's thread.</param>
/// <param name="Message">The message as it is now.</param>
/// <param name="Content">The text in the form: the message's, or what was typed when the edit was refused.</param>
/// <param name="Errors">What was wrong with the last submission (<c>Content</c>, or the whole form).</param>
/// <param name="MaxContentLength">The longest message allowed (for the text area's <c>maxlength</c>).</param>
public sealed record EditMessageViewModel(long ThreadId, MessageItem Message, string Content, FormErrors Errors, int MaxContentLength);

/// <summary>The page that shows a message as it is now and its earlier versions.</summary>
/// <param name="Versions">The message and its earlier texts, newest first.</param>
/// <param name="ReaderId">The signed-in user.</param>
public sealed record MessageVersionsViewModel(MessageVersions Versions, string ReaderId);

/// <summary>The file field of the reply and compose forms (the <c>_AttachmentField</c> partial).</summary>
/// <param name="InputId">The file input's id.</param>
/// <param name="Kept">Files uploaded with an earlier submission, sent again as ticked boxes.</param>
/// <param name="Errors">Why files were refused.</param>
public sealed record AttachmentFieldViewModel(string InputId, IEnumerable<AttachmentItem> Kept, IReadOnlyList<string> Errors);
