using Microsoft.EntityFrameworkCore;
using UserMessages.Domain;

namespace UserMessages.Services;

/// <summary>A user's messaging settings.</summary>
internal sealed partial class UserMessagesService
{
    public async Task<MessagingPreferences> GetPreferencesAsync(string userId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        return await db.Preferences.AsNoTracking().FirstOrDefaultAsync(p => p.UserId == userId, cancellationToken)
            ?? new MessagingPreferences { UserId = userId };
    }

    public async Task SetPreferencesAsync(MessagingPreferences preferences, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(preferences);
        ArgumentException.ThrowIfNullOrEmpty(preferences.UserId);
        var changed = await db.Preferences.Where(p => p.UserId == preferences.UserId)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.NotifyByEmail, preferences.NotifyByEmail), cancellationToken);
        if (changed == 0)
        {
            db.Preferences.Add(new MessagingPreferences { UserId = preferences.UserId, NotifyByEmail = preferences.NotifyByEmail });
            await db.Context.SaveChangesAsync(cancellationToken);
            DetachMessagingEntities();
        }

        if (!preferences.NotifyByEmail)
        {
            await db.PendingNotifications.Where(n => n.RecipientId == preferences.UserId).ExecuteDeleteAsync(cancellationToken);
        }
    }
}
