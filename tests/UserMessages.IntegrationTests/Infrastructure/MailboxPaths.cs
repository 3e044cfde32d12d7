using System.Globalization;

namespace UserMessages.IntegrationTests.Infrastructure;

/// <summary>The mailbox pages the sample maps under <c>/messages</c> besides those in <see cref="Paths"/>.</summary>
public static class MailboxPaths
{
    public const string Archive = "/messages/archive";
    public const string Requests = "/messages/requests";
    public const string Search = "/messages/search";
    public const string Bulk = "/messages/bulk";
    public const string Blocked = "/messages/blocked";
    public const string Unblock = "/messages/blocked/remove";
    public const string Settings = "/messages/settings";
    public const string Recipients = "/messages/recipients";

    public static string SearchFor(string query) => $"{Search}?q={Uri.EscapeDataString(query)}";

    public static string RecipientsFor(string query) => $"{Recipients}?q={Uri.EscapeDataString(query)}";

    public static string Leave(long threadId) => $"/messages/thread/{threadId.ToString(CultureInfo.InvariantCulture)}/leave";

    public static string AddPeople(long threadId) => $"/messages/thread/{threadId.ToString(CultureInfo.InvariantCulture)}/participants";
}
