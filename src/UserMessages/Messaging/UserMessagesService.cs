using Microsoft.Extensions.Options;
using UserMessages.Attachments;
using UserMessages.Events;
using UserMessages.Filters;
using UserMessages.Notifications;
using UserMessages.Store;
using UserMessages.Users;

namespace UserMessages.Services;

/// <summary>
/// <see cref="IUserMessagesService"/>: the rules of messaging (who may write to whom, limits, input,
/// results), over the store chosen for the host's context; its parts are split by job.
/// </summary>
internal sealed partial class UserMessagesService(
    IMessageStore store,
    IUserDirectory directory,
    RecipientGate recipientGate,
    IMessageRequestPolicy requestPolicy,
    SendingLimits limits,
    SearchRateLimiter searchLimit,
    MessageInputValidator validator,
    UserMessagesErrorDescriber describer,
    MessageSentDispatcher dispatcher,
    MessageChangedDispatcher changedDispatcher,
    ThreadSeenDispatcher seenDispatcher,
    ModerationEventDispatcher moderationEvents,
    IEnumerable<IMessageFilter> filters,
    INewAccountPolicy newAccountPolicy,
    NotificationSchedule schedule,
    FormerMember formerMember,
    IAttachmentStore attachmentStore,
    About.AboutCards aboutCards,
    AttachmentFiles attachmentFiles,
    IOptions<UserMessagesOptions> options,
    TimeProvider clock) : IUserMessagesService
{
    /// <summary>Whole microseconds, the finest time every supported database keeps, so cursors round-trip.</summary>
    private DateTime Now()
    {
        var ticks = clock.GetUtcNow().UtcTicks;
        return new DateTime(ticks - (ticks % 10), DateTimeKind.Utc);
    }

    /// <summary>The page <paramref name="page"/> asks for; false when a cursor is malformed.</summary>
    private static bool TryReadPage(PageRequest page, out KeysetPage parsed)
    {
        parsed = default;
        if (page.Before is not null)
        {
            if (!KeysetCursor.TryParse(page.Before, out var before))
            {
                return false;
            }

            parsed = new KeysetPage(before, null);
        }
        else if (page.After is not null)
        {
            if (!KeysetCursor.TryParse(page.After, out var after))
            {
                return false;
            }

            parsed = new KeysetPage(null, after);
        }

        return true;
    }
}
