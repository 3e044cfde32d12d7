using UserMessages.Domain;

namespace UserMessages.Services;

/// <summary>Delivers a held message a moderator approved: sent as its sender, past the limits and filters it already met.</summary>
internal interface IHeldMessageDelivery
{
    /// <summary>
    /// Sends <paramref name="held"/> now, with the uploads it was held with; refused as any message would be when its recipients or
    /// thread no longer allow it.
    /// </summary>
    Task<MessagingResult<SentMessage>> DeliverAsync(HeldMessage held, IReadOnlyList<long> attachmentIds, CancellationToken cancellationToken);
}
