using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using UserMessages.Domain;
using UserMessages.Storage;

namespace UserMessages.Store;

/// <summary>
/// Whether the SQL store can serve a model (SQLite or PostgreSQL, the package's tables without host
/// customizations); else the reason, naming the entity and the customization (docs/architecture.md).
/// </summary>
internal static class SqlStoreSupport
{
    private static readonly Type[] Entities =
        [typeof(MessageThread), typeof(Message), typeof(ThreadParticipant), typeof(UserBlock), typeof(MessagingPreferences), typeof(PendingNotification), typeof(MailboxCounter), typeof(MessagingSuspension), typeof(MessageReport), typeof(HeldMessage)];

    /// <summary>Why the SQL store cannot serve <paramref name="context"/>'s model, or null when it can.</summary>
    public static string? WhyNot(DbContext context)
    {
        if (context.Database.ProviderName is not (DatabaseProviders.Sqlite or DatabaseProviders.Postgres))
        {
            return $"the database provider {context.Database.ProviderName} has no SQL of the package's own (SQLite and PostgreSQL have)";
        }

        var model = context.Model;
        foreach (var type in Entities)
        {
            if (WhyNotPlain(model, type) is { } reason)
            {
                return reason;
            }
        }

        return WhyNotOwnColumns(model) ?? WhyNotOwnStorage(model);
    }

    /// <summary>Whether <paramref name="type"/> is an entity of its own table, without inheritance or a query filter (SQL from its names reads what LINQ would).</summary>
    public static bool IsPlainTable(IModel model, Type type) => WhyNotPlain(model, type) is null;

    private static string? WhyNotPlain(IModel model, Type type)
        => model.FindEntityType(type) switch
        {
            null => $"{type.Name} is not in the model",
            { BaseType: not null } => $"{type.Name} derives from another entity",
            var e when e.GetDerivedTypes().Any() => $"{type.Name} has derived entities",
            var e when e.GetDeclaredQueryFilters().Count > 0 => $"{type.Name} has a query filter",
            var e when e.GetTableName() is null => $"{type.Name} is not mapped to a table",
            _ => null,
        };

    /// <summary>
    /// The rows the SQL inserts must have no column it does not know of (the generated words of a message the database writes;
    /// a new counter's version, 0 by the column's default).
    /// </summary>
    private static string? WhyNotOwnColumns(IModel model)
        => Extra<Message>(model, nameof(Message.Id), nameof(Message.ThreadId), nameof(Message.SenderId), nameof(Message.SentAt), nameof(Message.Content), nameof(Message.ContentHtml), nameof(Message.Kind), nameof(Message.AboutUserId), nameof(Message.EditedAt), FullTextIndex.SearchVector)
            ?? Extra<MessageThread>(model, nameof(MessageThread.Id), nameof(MessageThread.Subject), nameof(MessageThread.About), nameof(MessageThread.CreatedAt), nameof(MessageThread.CreatedById), nameof(MessageThread.LatestMessageAt), nameof(MessageThread.LatestMessageId), nameof(MessageThread.ConcurrencyStamp))
            ?? Extra<ThreadParticipant>(
                model, nameof(ThreadParticipant.ThreadId), nameof(ThreadParticipant.UserId), nameof(ThreadParticipant.IsUnread), nameof(ThreadParticipant.State), nameof(ThreadParticipant.StateChangedAt),
                nameof(ThreadParticipant.HasSent), nameof(ThreadParticipant.LatestMessageAt), nameof(ThreadParticipant.LastReadMessageId), nameof(ThreadParticipant.JoinedAt), ThreadParticipantConfiguration.CountedUnread,
                nameof(ThreadParticipant.IsMuted))
            ?? Extra<PendingNotification>(
                model, nameof(PendingNotification.Id), nameof(PendingNotification.RecipientId), nameof(PendingNotification.ThreadId), nameof(PendingNotification.MessageId),
                nameof(PendingNotification.DueAt), nameof(PendingNotification.DeadlineAt), PendingNotificationConfiguration.AwaitsQuiet)
            ?? Extra<MailboxCounter>(model, nameof(MailboxCounter.UserId), nameof(MailboxCounter.UnreadThreads), nameof(MailboxCounter.Version));

    private static string? Extra<T>(IModel model, params string[] known)
    {
        var extra = model.FindEntityType(typeof(T))!.GetProperties().Select(p => p.Name).Except(known, StringComparer.Ordinal).ToList();
        return extra.Count == 0 ? null : $"{typeof(T).Name} has properties the package does not write: {string.Join(", ", extra)}";
    }

    /// <summary>Every value the SQL reads or writes must be stored as the package maps it: states and kinds as numbers, times as UTC, the rest unconverted.</summary>
    private static string? WhyNotOwnStorage(IModel model)
    {
        IProperty Of<T>(string name) => model.FindEntityType(typeof(T))!.FindProperty(name)!;
        var numbers = new[] { Of<ThreadParticipant>(nameof(ThreadParticipant.State)), Of<Message>(nameof(Message.Kind)) };
        var utcTimes = new[]
        {
            Of<Message>(nameof(Message.SentAt)), Of<Message>(nameof(Message.EditedAt)), Of<MessageThread>(nameof(MessageThread.LatestMessageAt)), Of<MessageThread>(nameof(MessageThread.CreatedAt)),
            Of<ThreadParticipant>(nameof(ThreadParticipant.StateChangedAt)), Of<ThreadParticipant>(nameof(ThreadParticipant.LatestMessageAt)), Of<ThreadParticipant>(nameof(ThreadParticipant.JoinedAt)),
            Of<PendingNotification>(nameof(PendingNotification.DueAt)), Of<PendingNotification>(nameof(PendingNotification.DeadlineAt)),
        };
        var plain = new[]
        {
            Of<Message>(nameof(Message.Id)), Of<Message>(nameof(Message.ThreadId)), Of<Message>(nameof(Message.SenderId)), Of<Message>(nameof(Message.Content)), Of<Message>(nameof(Message.ContentHtml)), Of<Message>(nameof(Message.AboutUserId)),
            Of<MessageThread>(nameof(MessageThread.Id)), Of<MessageThread>(nameof(MessageThread.Subject)), Of<MessageThread>(nameof(MessageThread.About)), Of<MessageThread>(nameof(MessageThread.CreatedById)),
            Of<MessageThread>(nameof(MessageThread.LatestMessageId)), Of<MessageThread>(nameof(MessageThread.ConcurrencyStamp)),
            Of<ThreadParticipant>(nameof(ThreadParticipant.ThreadId)), Of<ThreadParticipant>(nameof(ThreadParticipant.UserId)), Of<ThreadParticipant>(nameof(ThreadParticipant.IsUnread)),
            Of<ThreadParticipant>(nameof(ThreadParticipant.HasSent)), Of<ThreadParticipant>(nameof(ThreadParticipant.LastReadMessageId)), Of<ThreadParticipant>(ThreadParticipantConfiguration.CountedUnread), Of<ThreadParticipant>(nameof(ThreadParticipant.IsMuted)),
            Of<UserBlock>(nameof(UserBlock.BlockerId)), Of<UserBlock>(nameof(UserBlock.BlockedId)),
            Of<MessagingPreferences>(nameof(MessagingPreferences.NotifyByEmail)), Of<MessagingPreferences>(nameof(MessagingPreferences.ShareReadReceipts)),
            Of<PendingNotification>(nameof(PendingNotification.RecipientId)), Of<PendingNotification>(PendingNotificationConfiguration.AwaitsQuiet),
            Of<MailboxCounter>(nameof(MailboxCounter.UserId)), Of<MailboxCounter>(nameof(MailboxCounter.UnreadThreads)), Of<MailboxCounter>(nameof(MailboxCounter.Version)),
        };
        var changed = numbers.FirstOrDefault(p => p.GetTypeMapping().Converter?.ProviderClrType != typeof(int))
            ?? utcTimes.FirstOrDefault(p => p.GetTypeMapping().Converter is not UtcDateTimeConverter)
            ?? plain.FirstOrDefault(p => p.GetTypeMapping().Converter is not null);
        if (changed is not null)
        {
            return $"{changed.DeclaringType.DisplayName()}.{changed.Name} has a value converter of the host's";
        }

        var ids = new[] { Of<Message>(nameof(Message.Id)), Of<MessageThread>(nameof(MessageThread.Id)) };
        return ids.FirstOrDefault(p => p.ClrType != typeof(long) || p.ValueGenerated != ValueGenerated.OnAdd) is { } id
            ? $"{id.DeclaringType.DisplayName()}.{id.Name} is not a generated number"
            : null;
    }
}
