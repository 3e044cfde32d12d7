namespace UserMessages.About;

/// <summary>
/// The host's seam for conversations about its own objects (register with <c>AddAboutResolver&lt;T&gt;()</c>): it decides who may
/// start one about what, and turns references into cards. Without one, no conversation can be about anything.
/// </summary>
public interface IAboutResolver
{
    /// <summary>The card of <paramref name="reference"/> when <paramref name="senderId"/> may start a conversation about it with those people; null refuses it (as an unknown recipient is refused).</summary>
    /// <param name="senderId">Who starts the conversation.</param>
    /// <param name="reference">What it is to be about.</param>
    /// <param name="recipientIds">Who it is with (empty while the compose form is only being shown).</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The card, or <see langword="null"/> when the reference is unknown or not the sender's to use.</returns>
    Task<AboutCard?> ResolveForStartAsync(string senderId, AboutReference reference, IReadOnlyCollection<string> recipientIds, CancellationToken cancellationToken);

    /// <summary>The cards of <paramref name="references"/> as <paramref name="userId"/> may see them (one call per page); one left out shows no card.</summary>
    /// <param name="userId">The reader of the page.</param>
    /// <param name="references">The distinct references of the page's conversations.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A card for each reference the reader may see.</returns>
    Task<IReadOnlyDictionary<AboutReference, AboutCard>> ResolveAsync(string userId, IReadOnlyCollection<AboutReference> references, CancellationToken cancellationToken);
}
