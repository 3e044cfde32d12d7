using Microsoft.Extensions.Options;
using UserMessages.Storage;

namespace UserMessages;

internal sealed class UserMessagesOptionsValidator : IValidateOptions<UserMessagesOptions>
{
    public ValidateOptionsResult Validate(string? name, UserMessagesOptions options)
    {
        var failures = new List<string>();
        Range(failures, nameof(options.MaxContentLength), options.MaxContentLength, 1, 1_000_000);
        Range(failures, nameof(options.MaxRecipients), options.MaxRecipients, 1, 1_000);
        Range(failures, nameof(options.PageSize), options.PageSize, 1, 200);
        Range(failures, nameof(options.ThreadPageSize), options.ThreadPageSize, 1, 500);
        Range(failures, nameof(options.MinSearchLength), options.MinSearchLength, 1, 100);
        Range(failures, "Limits.MessagesPerMinute", options.Limits.MessagesPerMinute, 0, 100_000);
        Range(failures, "Limits.MessagesPerDay", options.Limits.MessagesPerDay, 0, 10_000_000);
        Range(failures, "Limits.NewThreadsPerDay", options.Limits.NewThreadsPerDay, 0, 10_000_000);
        Range(failures, "Limits.SuggestionsPerMinute", options.Limits.SuggestionsPerMinute, 1, 100_000);
        Range(failures, "Limits.SearchesPerMinute", options.Limits.SearchesPerMinute, 0, 100_000);
        if (options.KeptPages.Duration < TimeSpan.Zero || options.KeptPages.Duration > TimeSpan.FromDays(1))
        {
            failures.Add($"UserMessagesOptions.KeptPages.Duration must be between 0 (off) and one day; it is {options.KeptPages.Duration}.");
        }

        Range(failures, "KeptPages.MaxPages", options.KeptPages.MaxPages, 1, 1_000_000);
        Positive(failures, "Notifications.PollInterval", options.Notifications.PollInterval);
        Positive(failures, "Notifications.MaxDelay", options.Notifications.MaxDelay);
        Positive(failures, "Notifications.GiveUpAfter", options.Notifications.GiveUpAfter);
        Range(failures, "NewAccounts.PeoplePerDay", options.NewAccounts.PeoplePerDay, 0, 100_000);
        if (options.NewAccounts.Age < TimeSpan.Zero)
        {
            failures.Add($"UserMessagesOptions.NewAccounts.Age must not be negative; got {options.NewAccounts.Age}.");
        }

        Range(failures, "Moderation.ReportsPerDay", options.Moderation.ReportsPerDay, 1, 100_000);
        Range(failures, "Moderation.ContextMessages", options.Moderation.ContextMessages, 0, 50);
        if (options.Moderation.Policy is null && string.IsNullOrWhiteSpace(options.Moderation.Role))
        {
            failures.Add("UserMessagesOptions.Moderation needs a Policy or a Role that names the moderators.");
        }

        var attachments = options.Attachments;
        Range(failures, "Attachments.MaxFiles", attachments.MaxFiles, 1, 50);
        if (attachments.MaxFileSize is < 1 or > int.MaxValue)
        {
            failures.Add($"UserMessagesOptions.Attachments.MaxFileSize must be between 1 and {int.MaxValue} bytes; got {attachments.MaxFileSize}.");
        }

        Positive(failures, "Attachments.UnsentLifetime", attachments.UnsentLifetime);
        if (attachments.AllowedTypes.FirstOrDefault(t => !Attachments.AttachmentTypes.Known.Contains(t, StringComparer.OrdinalIgnoreCase)) is { } unknown)
        {
            failures.Add($"UserMessagesOptions.Attachments.AllowedTypes may only name {string.Join(", ", Attachments.AttachmentTypes.Known)}; got '{unknown}'.");
        }

        if (attachments.Enabled && string.IsNullOrWhiteSpace(attachments.Folder))
        {
            failures.Add("UserMessagesOptions.Attachments.Folder must name a folder while attachments are enabled.");
        }

        if (options.EditWindow < TimeSpan.Zero)
        {
            failures.Add($"UserMessagesOptions.EditWindow must not be negative; got {options.EditWindow}.");
        }

        Positive(failures, "Retention.PurgeAfter", options.Retention.PurgeAfter);
        Positive(failures, "Retention.Interval", options.Retention.Interval);
        if (options.Notifications.QuietPeriod < TimeSpan.Zero)
        {
            failures.Add($"UserMessagesOptions.Notifications.QuietPeriod must not be negative; got {options.Notifications.QuietPeriod}.");
        }
        if (options.Layout is { } layout && !layout.StartsWith('/') && !layout.StartsWith("~/", StringComparison.Ordinal))
        {
            failures.Add($"UserMessagesOptions.Layout must be an app-relative view path such as '/Views/Shared/_Layout.cshtml'; got '{layout}'.");
        }

        if (options.Blazor.RootComponent is { } root && !typeof(Microsoft.AspNetCore.Components.IComponent).IsAssignableFrom(root))
        {
            failures.Add($"UserMessagesOptions.Blazor.RootComponent must be a Razor component such as the template's App; {root.FullName} is not one.");
        }

        if (options.Blazor.Layout is { } layoutComponent && !typeof(Microsoft.AspNetCore.Components.LayoutComponentBase).IsAssignableFrom(layoutComponent))
        {
            failures.Add($"UserMessagesOptions.Blazor.Layout must be a layout component (a LayoutComponentBase) such as the template's MainLayout; {layoutComponent.FullName} is not one.");
        }

        if (string.IsNullOrWhiteSpace(options.Store.TablePrefix))
        {
            failures.Add("UserMessagesOptions.Store.TablePrefix must not be empty.");
        }

        if (!FullTextIndex.IsValidConfiguration(options.Store.TextSearchConfiguration))
        {
            failures.Add($"UserMessagesOptions.Store.TextSearchConfiguration '{options.Store.TextSearchConfiguration}' is not a text search configuration name (e.g. simple, english).");
        }

        if (options.Store.SchemaVersion != UserMessagesStoreOptions.Version1)
        {
            failures.Add($"UserMessagesOptions.Store.SchemaVersion {options.Store.SchemaVersion} is unknown; supported: {UserMessagesStoreOptions.Version1}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Positive(List<string> failures, string name, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"UserMessagesOptions.{name} must be positive; got {value}.");
        }
    }

    private static void Range(List<string> failures, string name, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            failures.Add($"UserMessagesOptions.{name} must be between {min} and {max}; got {value}.");
        }
    }
}
