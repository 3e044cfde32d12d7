namespace UserMessages.Services;

/// <summary>A new thread to start (the original's <c>Message.new_message</c>).</summary>
/// <param name="SenderId">The user who writes.</param>
/// <param name="RecipientIds">The users written to; duplicates and the sender are ignored.</param>
/// <param name="Subject">The subject.</param>
/// <param name="Content">The first message.</param>
public sealed record NewThreadRequest(string SenderId, IReadOnlyCollection<string> RecipientIds, string Subject, string Content)
{
    /// <summary>The sender's uploads (from <see cref="IUserMessagesService.UploadAsync"/>) the first message carries.</summary>
    public IReadOnlyList<long> AttachmentIds { get; init; } = [];

    /// <summary>What the conversation is about (checked with the host's <see cref="About.IAboutResolver"/>), or <see langword="null"/>.</summary>
    public About.AboutReference? About { get; init; }
}
