using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using UserMessages.Attachments;
using UserMessages.Blocking;
using UserMessages.Domain;
using UserMessages.Events;
using UserMessages.Services;
using UserMessages.Store;
using UserMessages.Users;

namespace UserMessages.Moderation;

/// <summary>
/// Reports, and what moderators do with them: dismiss, remove the message, suspend and lift; every action in the
/// log. Moderators read only a reported message and the few around it, never a whole thread.
/// </summary>
internal sealed class MessageModeration(
    UserMessagesDb db,
    IUserDirectory directory,
    FormerMember formerMember,
    IUserBlockList blocks,
    UserMessagesErrorDescriber describer,
    ModerationEventDispatcher events,
    IHeldMessageDelivery delivery,
    AttachmentFiles attachmentFiles,
    PageVersions versions,
    IOptions<UserMessagesOptions> options,
    TimeProvider clock)
{
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    private UserMessagesModerationOptions Options => options.Value.Moderation;

    /// <summary>A reason by its name, in any case (<c>spam</c>, <c>Harassment</c>...); null for anything else, numbers included.</summary>
    public static ReportReason? ParseReason(string? name)
        => name is { Length: > 0 } && name.All(char.IsAsciiLetter) && Enum.TryParse<ReportReason>(name, ignoreCase: true, out var reason) ? reason : null;

    /// <summary>
    /// Reports a message the reporter may see and did not write, once; with <paramref name="blockSender"/> the sender
    /// is blocked too. Returns the report's id.
    /// </summary>
    public async Task<MessagingResult<long>> ReportAsync(
        string reporterId, long threadId, long messageId, ReportReason? reason, string? note, bool blockSender, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(reporterId);
        var message = await FindReportableAsync(reporterId, threadId, messageId, cancellationToken);
        if (message is null)
        {
            return MessagingResult<long>.NotFound();
        }

        var errors = new List<MessagingError>();
        if (message.SenderId == reporterId || message.Kind != MessageKind.Text)
        {
            errors.Add(describer.CannotReport());
        }
        else if (message.ReportedByReader)
        {
            errors.Add(describer.AlreadyReported());
        }

        if (reason is not { } chosen || !Enum.IsDefined(chosen))
        {
            errors.Add(describer.ReportReasonRequired());
        }

        note = Note(note, errors);
        if (errors.Count > 0)
        {
            return MessagingResult<long>.Invalid(errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (await ReportsLimitedAsync(reporterId, now, cancellationToken) is { } wait)
        {
            return MessagingResult<long>.RateLimited(describer.TooManyReports(Options.ReportsPerDay), wait);
        }

        var report = new MessageReport
        {
            MessageId = messageId,
            ThreadId = threadId,
            ReporterId = reporterId,
            SenderId = message.SenderId,
            Reason = reason!.Value,
            Note = note,
            MessageContent = message.Content,
            ReportedAt = now,
        };
        try
        {
            await StoreTransactions.RunAsync(db.Context, async () =>
            {
                db.Reports.Add(report);
                return await db.Context.SaveChangesAsync(cancellationToken);
            }, cancellationToken);
        }
        catch (DbUpdateException)
        {
            StoreTransactions.DetachMessagingEntities(db.Context);
            if (!await db.Reports.AnyAsync(r => r.MessageId == messageId && r.ReporterId == reporterId, cancellationToken))
            {
                throw;
            }

            // The same person's report of the same message, sent twice at once: the first one stands.
            return MessagingResult<long>.Invalid([describer.AlreadyReported()]);
        }

        // The reporter's thread page says they reported it.
        await versions.TouchUsersAsync([reporterId], cancellationToken);
        if (blockSender)
        {
            await blocks.BlockAsync(reporterId, message.SenderId, cancellationToken);
        }

        await events.DispatchAsync(new MessageReported(now, report.Id, threadId, messageId, reporterId, message.SenderId, report.Reason), cancellationToken);
        return MessagingResult<long>.Success(report.Id);
    }

    /// <summary>The message as its report form shows it, with whether the reader reported it; null unless they may see it.</summary>
    public async Task<(MessageItem Message, string Subject, bool Reported)?> ReadReportableAsync(
        string readerId, long threadId, long messageId, CancellationToken cancellationToken)
    {
        var message = await FindReportableAsync(readerId, threadId, messageId, cancellationToken);
        if (message is null)
        {
            return null;
        }

        var users = await directory.FindByIdsAsync([message.SenderId], cancellationToken);
        return (new MessageItem(messageId, formerMember.Or(users, message.SenderId), message.SentAt, message.Content, message.Kind), message.Subject, message.ReportedByReader);
    }

    /// <summary>Reports in <paramref name="status"/>, newest first, before the report <paramref name="before"/> when given.</summary>
    public async Task<IReadOnlyList<ReportSummary>> ReadReportsAsync(ReportStatus status, long? before, int take, CancellationToken cancellationToken)
    {
        var rows = await db.Reports.AsNoTracking()
            .Where(r => r.Status == status && (before == null || r.Id < before))
            .OrderByDescending(r => r.Id)
            .Take(take)
            .ToListAsync(cancellationToken);
        var users = await directory.FindByIdsAsync(rows.SelectMany(r => new[] { r.ReporterId, r.SenderId }).OfType<string>().Distinct().ToList(), cancellationToken);
        return rows.Select(r => Summary(r, users)).ToList();
    }

    /// <summary>A report with the messages around the reported one; null when there is no such report.</summary>
    public async Task<ReportDetail?> ReadReportAsync(long reportId, CancellationToken cancellationToken)
    {
        var report = await db.Reports.AsNoTracking().FirstOrDefaultAsync(r => r.Id == reportId, cancellationToken);
        if (report is null)
        {
            return null;
        }

        var reported = await db.Messages.AsNoTracking()
            .Where(m => m.Id == report.MessageId)
            .Select(m => new { m.SentAt, m.Thread!.Subject })
            .FirstAsync(cancellationToken);
        var (threadId, at, id, around) = (report.ThreadId, reported.SentAt, report.MessageId, Options.ContextMessages);
        var thread = db.Messages.AsNoTracking().Where(m => m.ThreadId == threadId);
        var before = await thread
            .Where(m => m.SentAt < at || (m.SentAt == at && m.Id < id))
            .OrderByDescending(m => m.SentAt).ThenByDescending(m => m.Id)
            .Take(around)
            .ToListAsync(cancellationToken);
        var after = await thread
            .Where(m => m.SentAt > at || (m.SentAt == at && m.Id >= id))
            .OrderBy(m => m.SentAt).ThenBy(m => m.Id)
            .Take(around + 1)
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var suspension = await db.Suspensions.AsNoTracking()
            .Where(s => s.UserId == report.SenderId && (s.EndsAt == null || s.EndsAt > now))
            .Select(s => new { s.EndsAt })
            .FirstOrDefaultAsync(cancellationToken);
        var messages = before.AsEnumerable().Reverse().Concat(after).ToList();
        var users = await directory.FindByIdsAsync(
            messages.Select(m => m.SenderId).Concat(messages.Select(m => m.AboutUserId)).Append(report.ReporterId).Append(report.SenderId).OfType<string>().Distinct().ToList(),
            cancellationToken);
        var context = messages.Select(m => new MessageItem(
            m.Id, formerMember.Or(users, m.SenderId), m.SentAt, m.Content, m.Kind, m.AboutUserId is null ? null : formerMember.Or(users, m.AboutUserId))).ToList();
        return new ReportDetail(Summary(report, users), reported.Subject, context, suspension is null ? null : suspension.EndsAt ?? DateTime.MaxValue);
    }

    /// <summary>
    /// Closes an open report as <paramref name="decision"/> says, suspending until <paramref name="suspendUntil"/> (null: until
    /// lifted); not found when the report is not open (already decided, perhaps by another moderator).
    /// </summary>
    public async Task<MessagingResult> DecideAsync(
        string moderatorId, long reportId, ReportDecision decision, DateTime? suspendUntil, string? note, CancellationToken cancellationToken)
    {
        var errors = new List<MessagingError>();
        note = Note(note, errors);
        if (errors.Count > 0)
        {
            return MessagingResult.Invalid(errors);
        }

        var report = await db.Reports.AsNoTracking().FirstOrDefaultAsync(r => r.Id == reportId && r.Status == ReportStatus.Open, cancellationToken);
        if (report is null)
        {
            return MessagingResult.NotFound;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var (remove, suspend) = (decision is ReportDecision.Remove or ReportDecision.RemoveAndSuspend, decision is ReportDecision.Suspend or ReportDecision.RemoveAndSuspend);
        var removedFiles = new List<string>();
        var participants = await StoreTransactions.RunAsync(db.Context, async () =>
        {
            var status = decision == ReportDecision.Dismiss ? ReportStatus.Dismissed : ReportStatus.Actioned;

            // Removing a message answers every open report of it; other decisions answer this one.
            var closing = remove ? db.Reports.Where(r => r.MessageId == report.MessageId && r.Status == ReportStatus.Open) : db.Reports.Where(r => r.Id == reportId && r.Status == ReportStatus.Open);
            if (await closing.ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, status).SetProperty(r => r.ResolvedAt, now).SetProperty(r => r.ResolvedById, moderatorId), cancellationToken) == 0)
            {
                return null;
            }

            if (decision == ReportDecision.Dismiss)
            {
                Log(now, moderatorId, ModerationAction.Dismissed, report.SenderId, reportId, report.MessageId, null, note);
            }

            if (remove)
            {
                await db.Messages.Where(m => m.Id == report.MessageId && m.Kind == MessageKind.Text)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.Kind, MessageKind.Removed).SetProperty(m => m.Content, string.Empty).SetProperty(m => m.ContentHtml, (string?)null), cancellationToken);

                // Its earlier versions and its files go with it (the files once this is saved).
                await db.Edits.Where(e => e.MessageId == report.MessageId).ExecuteDeleteAsync(cancellationToken);
                removedFiles.AddRange(await db.Attachments.Where(a => a.MessageId == report.MessageId).Select(a => a.StorageKey).ToListAsync(cancellationToken));
                if (removedFiles.Count > 0)
                {
                    await db.Attachments.Where(a => a.MessageId == report.MessageId).ExecuteDeleteAsync(cancellationToken);
                }
                Log(now, moderatorId, ModerationAction.RemovedMessage, report.SenderId, reportId, report.MessageId, null, note);
            }

            if (suspend)
            {
                await SuspendInTransactionAsync(moderatorId, report.SenderId, now, suspendUntil, note, reportId, cancellationToken);
            }

            await db.Context.SaveChangesAsync(cancellationToken);
            var threadId = report.ThreadId;
            return await db.Participants.AsNoTracking().Where(p => p.ThreadId == threadId).WhoMaySee().Select(p => p.UserId).ToListAsync(cancellationToken);
        }, cancellationToken);
        if (participants is null)
        {
            return MessagingResult.NotFound;
        }

        if (remove)
        {
            // Everyone with a row in the thread shows the message as removed from now on.
            await versions.TouchThreadsAsync([report.ThreadId], cancellationToken);

            await attachmentFiles.DeleteAsync(removedFiles, cancellationToken);
            await events.DispatchAsync(new MessageRemoved(now, report.ThreadId, report.MessageId, report.SenderId, moderatorId, participants, note), cancellationToken);
        }

        if (suspend)
        {
            await events.DispatchAsync(new UserSuspended(now, report.SenderId, moderatorId, suspendUntil, note), cancellationToken);
        }

        return MessagingResult.Success;
    }

    /// <summary>Lifts a user's suspension; not found when they are not suspended.</summary>
    public async Task<MessagingResult> LiftAsync(string moderatorId, string userId, string? note, CancellationToken cancellationToken)
    {
        var errors = new List<MessagingError>();
        note = Note(note, errors);
        if (errors.Count > 0)
        {
            return MessagingResult.Invalid(errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var lifted = await StoreTransactions.RunAsync(db.Context, async () =>
        {
            if (await db.Suspensions.Where(s => s.UserId == userId).ExecuteDeleteAsync(cancellationToken) == 0)
            {
                return false;
            }

            Log(now, moderatorId, ModerationAction.Lifted, userId, null, null, null, note);
            await db.Context.SaveChangesAsync(cancellationToken);
            return true;
        }, cancellationToken);
        return lifted ? MessagingResult.Success : MessagingResult.NotFound;
    }

    /// <summary>The suspensions in force, the latest first: <paramref name="take"/> of them after the first <paramref name="skip"/>.</summary>
    public async Task<IReadOnlyList<SuspensionItem>> ReadSuspensionsAsync(int skip, int take, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = await db.Suspensions.AsNoTracking()
            .Where(s => s.EndsAt == null || s.EndsAt > now)
            .OrderByDescending(s => s.StartedAt).ThenBy(s => s.UserId)
            .Skip(skip)
            .Take(take)
            .ToListAsync(cancellationToken);
        var users = await directory.FindByIdsAsync(rows.SelectMany(s => new[] { s.UserId, s.ModeratorId }).Distinct().ToList(), cancellationToken);
        return rows.Select(s => new SuspensionItem(formerMember.Or(users, s.UserId), s.StartedAt, s.EndsAt, formerMember.Or(users, s.ModeratorId), s.Reason)).ToList();
    }

    /// <summary>The log, newest first, before the entry <paramref name="before"/> when given.</summary>
    public async Task<IReadOnlyList<ModerationLogItem>> ReadLogAsync(long? before, int take, CancellationToken cancellationToken)
    {
        var rows = await db.ModerationLog.AsNoTracking()
            .Where(e => before == null || e.Id < before)
            .OrderByDescending(e => e.Id)
            .Take(take)
            .ToListAsync(cancellationToken);
        var users = await directory.FindByIdsAsync(rows.SelectMany(e => new[] { e.ModeratorId, e.UserId }).OfType<string>().Distinct().ToList(), cancellationToken);
        return rows.Select(e => new ModerationLogItem(
            e.Id, e.At, formerMember.Or(users, e.ModeratorId), e.Action, e.UserId is null ? null : formerMember.Or(users, e.UserId), e.ReportId, e.MessageId, e.EndsAt, e.Note)).ToList();
    }

    /// <summary>The held messages, oldest first (the queue is worked in order), after <paramref name="after"/> when given.</summary>
    public async Task<IReadOnlyList<HeldItem>> ReadHeldAsync(long? after, int take, CancellationToken cancellationToken)
    {
        var rows = await db.HeldMessages.AsNoTracking()
            .Where(h => after == null || h.Id > after)
            .OrderBy(h => h.Id)
            .Take(take)
            .ToListAsync(cancellationToken);
        var threadIds = rows.Select(h => h.ThreadId).OfType<long>().Distinct().ToList();
        var threads = await db.Participants.AsNoTracking()
            .Where(p => threadIds.Contains(p.ThreadId))
            .WhoMaySee()
            .Select(p => new { p.ThreadId, p.UserId, p.Thread!.Subject })
            .ToListAsync(cancellationToken);
        List<string> RecipientsOf(HeldMessage h) => h.ThreadId is { } id
            ? threads.Where(t => t.ThreadId == id && t.UserId != h.SenderId).Select(t => t.UserId).ToList()
            : [.. (h.RecipientIds ?? string.Empty).Split('\u001f', StringSplitOptions.RemoveEmptyEntries)];
        var users = await directory.FindByIdsAsync(rows.SelectMany(RecipientsOf).Concat(rows.Select(h => h.SenderId)).Distinct().ToList(), cancellationToken);
        return rows.Select(h => new HeldItem(
            h.Id,
            formerMember.Or(users, h.SenderId),
            h.ThreadId,
            h.ThreadId is { } id ? threads.FirstOrDefault(t => t.ThreadId == id)?.Subject : h.Subject,
            RecipientsOf(h).Select(r => formerMember.Or(users, r)).ToList(),
            h.Subject,
            h.Content,
            h.HeldAt,
            h.Reason)).ToList();
    }

    /// <summary>
    /// Approves (delivers, as sent now) or rejects a held message, logged; not found when another moderator decided first.
    /// A message that can no longer be delivered (its thread left, its recipients gone) stays held, with the reason.
    /// </summary>
    public async Task<MessagingResult> DecideHeldAsync(string moderatorId, long heldId, bool approve, string? note, CancellationToken cancellationToken)
    {
        var errors = new List<MessagingError>();
        note = Note(note, errors);
        if (errors.Count > 0)
        {
            return MessagingResult.Invalid(errors);
        }

        var held = await db.HeldMessages.AsNoTracking().FirstOrDefaultAsync(h => h.Id == heldId, cancellationToken);

        // The files an approved one was held with (the claim below unlinks them; a rejected message's go to the clean-up).
        var attachments = approve
            ? await db.Attachments.AsNoTracking().Where(a => a.HeldMessageId == heldId && a.MessageId == null).OrderBy(a => a.Id).Select(a => a.Id).ToListAsync(cancellationToken)
            : [];

        // Claimed by deleting it: of two moderators deciding at once, one goes on.
        if (held is null || await db.HeldMessages.Where(h => h.Id == heldId).ExecuteDeleteAsync(cancellationToken) == 0)
        {
            return MessagingResult.NotFound;
        }

        long? messageId = null;
        if (approve)
        {
            var sent = await delivery.DeliverAsync(held, attachments, cancellationToken);
            if (!sent.Succeeded)
            {
                // Back in the queue under the id its sender and the moderators know it by, with its files.
                await StoreTransactions.RunAsync(db.Context, async () =>
                {
                    db.HeldMessages.Add(held);
                    await db.Context.SaveChangesAsync(cancellationToken);
                    return await db.Attachments.Where(a => attachments.Contains(a.Id) && a.MessageId == null)
                        .ExecuteUpdateAsync(s => s.SetProperty(a => a.HeldMessageId, heldId), cancellationToken);
                }, cancellationToken);
                return sent.Status == MessagingStatus.NotFound ? MessagingResult.Invalid([describer.ConversationUnavailable()]) : MessagingResult.Invalid(sent.Errors);
            }

            messageId = sent.Value!.MessageId;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await StoreTransactions.RunAsync(db.Context, async () =>
        {
            Log(now, moderatorId, approve ? ModerationAction.Approved : ModerationAction.Rejected, held.SenderId, null, messageId, null, note);
            return await db.Context.SaveChangesAsync(cancellationToken);
        }, cancellationToken);

        // The sender's pages list what awaits review.
        await versions.TouchUsersAsync([held.SenderId], cancellationToken);
        return MessagingResult.Success;
    }

    private async Task SuspendInTransactionAsync(string moderatorId, string userId, DateTime now, DateTime? until, string? note, long? reportId, CancellationToken cancellationToken)
    {
        // A new suspension replaces the one in force (a moderator may lengthen or shorten it).
        await db.Suspensions.Where(s => s.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        db.Suspensions.Add(new MessagingSuspension { UserId = userId, StartedAt = now, EndsAt = until, ModeratorId = moderatorId, Reason = note });
        Log(now, moderatorId, ModerationAction.Suspended, userId, reportId, null, until, note);
    }

    private void Log(DateTime at, string moderatorId, ModerationAction action, string? userId, long? reportId, long? messageId, DateTime? endsAt, string? note)
        => db.ModerationLog.Add(new ModerationLogEntry
        {
            At = at, ModeratorId = moderatorId, Action = action, UserId = userId, ReportId = reportId, MessageId = messageId, EndsAt = endsAt, Note = note,
        });

    /// <summary>The message <paramref name="messageId"/> of <paramref name="threadId"/> when the reader may see the thread, with whether they reported it.</summary>
    private Task<ReportableMessage?> FindReportableAsync(string readerId, long threadId, long messageId, CancellationToken cancellationToken)
        => db.Messages.AsNoTracking()
            .Where(m => m.Id == messageId && m.ThreadId == threadId && db.Participants.Reader(readerId, threadId).Any())
            .Select(m => new ReportableMessage(
                m.SenderId, m.Kind, m.Content, m.SentAt, m.Thread!.Subject, db.Reports.Any(r => r.MessageId == m.Id && r.ReporterId == readerId)))
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>When the reporter has reached the daily number of reports: how long until one leaves the day.</summary>
    private async Task<TimeSpan?> ReportsLimitedAsync(string reporterId, DateTime now, CancellationToken cancellationToken)
    {
        var dayAgo = now - Day;
        var nth = await db.Reports.AsNoTracking()
            .Where(r => r.ReporterId == reporterId && r.ReportedAt > dayAgo)
            .OrderByDescending(r => r.ReportedAt)
            .Skip(Options.ReportsPerDay - 1)
            .Select(r => (DateTime?)r.ReportedAt)
            .FirstOrDefaultAsync(cancellationToken);
        return nth is { } oldest ? TimeSpan.FromSeconds(Math.Max(1, Math.Ceiling((oldest + Day - now).TotalSeconds))) : null;
    }

    /// <summary>A note trimmed, null when empty; an error when it is too long.</summary>
    private string? Note(string? note, List<MessagingError> errors)
    {
        note = note?.Trim();
        if (note is { Length: > MessageReport.MaxNoteLength })
        {
            errors.Add(describer.NoteTooLong(MessageReport.MaxNoteLength));
        }

        return string.IsNullOrEmpty(note) ? null : note;
    }

    private ReportSummary Summary(MessageReport r, IReadOnlyDictionary<string, MessagingUser> users) => new(
        r.Id, r.ThreadId, r.MessageId, r.ReporterId is null ? formerMember.Unknown : formerMember.Or(users, r.ReporterId), formerMember.Or(users, r.SenderId),
        r.Reason, r.Note, r.MessageContent, r.ReportedAt, r.Status);

    private sealed record ReportableMessage(string SenderId, MessageKind Kind, string Content, DateTime SentAt, string Subject, bool ReportedByReader);
}
