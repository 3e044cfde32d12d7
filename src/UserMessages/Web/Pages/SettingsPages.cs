using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using UserMessages.Domain;
using UserMessages.Notifications;
using UserMessages.Services;
using UserMessages.ViewModels;
using UserMessages.Web;

namespace UserMessages.Web.Pages;

/// <summary>The user's messaging settings (e-mail notifications, read receipts).</summary>
internal static class SettingsPages
{
    public static async Task<IResult> Show(HttpContext http, IUserMessagesService messages, NotificationSwitch notifications, [FromQuery] string? saved)
    {
        if (PageRequests.CurrentUserId(http) is not { } userId)
        {
            return Results.Challenge();
        }

        var preferences = await messages.GetPreferencesAsync(userId, http.RequestAborted);
        return new PageResult(ViewPaths.Settings, new SettingsViewModel(preferences.NotifyByEmail, notifications.IsOn, saved == "true")
        {
            ShareReadReceipts = preferences.ShareReadReceipts,
        });
    }

    public static async Task<IResult> Save(HttpContext http, IUserMessagesService messages, UserMessagesLinks links)
    {
        var (post, refusal) = await SignedInForm.ReadAsync(http);
        if (post is not { } signedIn)
        {
            return refusal!;
        }

        var (form, userId) = signedIn;

        // An unticked checkbox is not sent at all.
        bool Ticked(string name) => form[name].Any(v => string.Equals(v, "true", StringComparison.OrdinalIgnoreCase));
        await messages.SetPreferencesAsync(
            new MessagingPreferences { UserId = userId, NotifyByEmail = Ticked("NotifyByEmail"), ShareReadReceipts = Ticked("ShareReadReceipts") },
            http.RequestAborted);
        return Results.Redirect(links.Settings(http, saved: true));
    }
}
