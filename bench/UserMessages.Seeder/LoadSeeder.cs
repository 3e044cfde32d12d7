using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using UserMessages.Domain;
using UserMessages.Sample.Data;
using UserMessages.Services;

namespace UserMessages.Seeding;

/// <summary>
/// Fills the sample's database with a realistic load for benchmarks: users <c>user1@example.com</c> …
/// <c>userU@example.com</c> (password <see cref="Password"/>), each in the same number of two-person
/// threads of alternating messages, written as a normal send and reply would leave them. Rows go in
/// with batched INSERTs in one transaction, not through change tracking; the package then
/// recounts its unread counters in the same transaction.
/// </summary>
public sealed class LoadSeeder(SampleDbContext db, UserManager<IdentityUser> userManager, IUserMessagesService messages, TimeProvider clock)
{
    /// <summary>The password of every seeded user.</summary>
    public const string Password = "Seed-pass-1";

    /// <summary>The share of threads, in percent, left unread by the participant who did not write last.</summary>
    public const int UnreadPercent = 40;

    private static readonly string[] Topics =
    [
        "Meeting notes", "Lunch on Friday?", "Release plan", "Question about the invoice", "Holiday rota",
        "Slides for Monday", "Bug in the importer", "Welcome aboard", "Budget review", "Conference trip",
    ];

    private static readonly string[] Sentences =
    [
        "Thanks for the update, that works for me. Let me know if anything changes before the end of the week.",
        "Could you have a look at the numbers again? I think the second table is off by one row somewhere.",
        "Sounds good! I will bring the printouts and we can go through them together after lunch.",
        "I am not sure I follow: did we agree to move the deadline, or only the review meeting?",
        "Here is the summary you asked for. The details are in the shared folder under this year's name.",
        "Sorry for the late answer, I was travelling. Yes, please go ahead and send it to everyone.",
        "Quick one: is the room booked for Tuesday at ten, or should I ask the front desk to do it?",
        "Great work on this. Two small remarks inline, otherwise ready to ship as far as I am concerned.",
    ];

    /// <summary>A confirmed Identity user whose user name is <paramref name="email"/>, with the password already hashed, as UserManager would create it.</summary>
    internal static IdentityUser NewUser(UserManager<IdentityUser> userManager, string email, string passwordHash) => new()
    {
        UserName = email,
        NormalizedUserName = userManager.NormalizeName(email),
        Email = email,
        NormalizedEmail = userManager.NormalizeEmail(email),
        EmailConfirmed = true,
        PasswordHash = passwordHash,
        SecurityStamp = Convert.ToHexString(RandomNumberGenerator.GetBytes(20)),
        ConcurrencyStamp = Guid.NewGuid().ToString(),
        LockoutEnabled = userManager.Options.Lockout.AllowedForNewUsers,
    };

    /// <summary>The e-mail address (and user name) of seeded user <paramref name="number"/>, from 1.</summary>
    public static string Email(int number) => $"user{number}@example.com";

    /// <summary>
    /// The two users (0-based numbers) of every thread, the one who started it first. Each user is
    /// in exactly <see cref="SeedSize.ThreadsPerUser"/> threads, never with themself.
    /// </summary>
    public static IEnumerable<(int Starter, int Partner)> Pairs(SeedSize size)
    {
        ArgumentNullException.ThrowIfNull(size);
        var users = size.Users;

        // Each round every user starts one thread with the user `offset` places on (and so joins one
        // started by the user `offset` places back): two threads per user and round.
        for (var round = 0; round < size.ThreadsPerUser / 2; round++)
        {
            var offset = 1 + round % (users - 1);
            for (var user = 0; user < users; user++)
            {
                yield return (user, (user + offset) % users);
            }
        }

        // An odd count needs one thread more each: the first half of the users with the second (the count is even then).
        if (size.ThreadsPerUser % 2 == 1)
        {
            for (var user = 0; user < users / 2; user++)
            {
                yield return (user, user + users / 2);
            }
        }
    }

    /// <summary>Whether the participant who did not write the latest message of thread <paramref name="threadIndex"/> has not read it.</summary>
    public static bool IsUnread(long threadIndex) => unchecked((uint)(threadIndex * 2654435761L)) % 100 < UnreadPercent;

    /// <summary>Writes the users, threads, messages and participant rows; a seeded user who already exists is reused.</summary>
    public async Task<SeedResult> SeedAsync(SeedSize size, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(size);
        if (size.Problem() is { } problem)
        {
            throw new ArgumentException(problem, nameof(size));
        }

        var watch = Stopwatch.StartNew();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var (userIds, created) = await WriteUsersAsync(size.Users, cancellationToken);
            var firstThreadId = (await db.MessageThreads.MaxAsync(t => (long?)t.Id, cancellationToken) ?? 0) + 1;
            var firstMessageId = (await db.Messages.MaxAsync(m => (long?)m.Id, cancellationToken) ?? 0) + 1;
            var plan = new Plan(size, userIds, firstThreadId, firstMessageId, FirstSentAt(size));

            await WriteThreadsAsync(plan, cancellationToken);
            await WriteMessagesAsync(plan, cancellationToken);
            var unread = await WriteParticipantsAsync(plan, cancellationToken);
            await AdvanceIdentitySequencesAsync(db, cancellationToken);
            await messages.RebuildUnreadCountersAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new SeedResult(size, created, size.Users - created, unread, watch.Elapsed);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Whole seconds apart, the last message two days ago: old enough that no sending limit counts it.</summary>
    private DateTime FirstSentAt(SeedSize size)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var last = new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc).AddDays(-2);
        return last.AddSeconds(-(size.Messages - 1));
    }

    private async Task<(string[] Ids, int Created)> WriteUsersAsync(int count, CancellationToken cancellationToken)
    {
        var emails = Enumerable.Range(1, count).Select(Email).ToArray();
        var normalized = emails.Select(e => userManager.NormalizeEmail(e)!).ToList();
        var existing = (await db.Users.AsNoTracking()
                .Where(u => normalized.Contains(u.NormalizedEmail!) || normalized.Contains(u.NormalizedUserName!))
                .Select(u => new { u.Id, u.NormalizedEmail, u.NormalizedUserName })
                .ToListAsync(cancellationToken))
            .SelectMany(u => new[] { (Key: u.NormalizedEmail, u.Id), (Key: u.NormalizedUserName, u.Id) })
            .Where(u => u.Key is not null)
            .DistinctBy(u => u.Key)
            .ToDictionary(u => u.Key!, u => u.Id, StringComparer.Ordinal);

        // Hashing is deliberately slow: one hash serves every user (the V3 format does not depend on the user).
        var template = new IdentityUser();
        var passwordHash = userManager.PasswordHasher.HashPassword(template, Password);
        var ids = new string[count];
        var created = 0;
        await using var writer = new TableWriter<IdentityUser>(db);
        for (var i = 0; i < count; i++)
        {
            if (existing.TryGetValue(normalized[i], out var id))
            {
                ids[i] = id;
                continue;
            }

            var user = NewUser(userManager, emails[i], passwordHash);
            ids[i] = user.Id;
            await writer.AddAsync(user, cancellationToken);
            created++;
        }

        await writer.FlushAsync(cancellationToken);
        return (ids, created);
    }

    private async Task WriteThreadsAsync(Plan plan, CancellationToken cancellationToken)
    {
        var row = new MessageThread();
        await using var writer = new TableWriter<MessageThread>(db);
        foreach (var thread in plan.Threads())
        {
            row.Id = thread.Id;
            row.Subject = $"{Topics[thread.Index % Topics.Length]} #{thread.Index + 1}";
            row.CreatedById = thread.Starter;
            row.CreatedAt = thread.CreatedAt;
            row.LatestMessageId = thread.LatestMessageId;
            row.LatestMessageAt = thread.LatestMessageAt;
            row.ConcurrencyStamp = Guid.NewGuid().ToString();
            await writer.AddAsync(row, cancellationToken);
        }

        await writer.FlushAsync(cancellationToken);
    }

    private async Task WriteMessagesAsync(Plan plan, CancellationToken cancellationToken)
    {
        var row = new Message { Kind = MessageKind.Text };
        await using var writer = new TableWriter<Message>(db);
        var perThread = plan.Size.MessagesPerThread;
        foreach (var thread in plan.Threads())
        {
            for (var m = 0; m < perThread; m++)
            {
                // The starter writes first, then they take turns.
                row.Id = thread.FirstMessageId + m;
                row.ThreadId = thread.Id;
                row.SenderId = m % 2 == 0 ? thread.Starter : thread.Partner;
                row.SentAt = thread.CreatedAt.AddSeconds(m);
                row.Content = $"{Sentences[(int)((thread.Index + m) % Sentences.Length)]} ({m + 1}/{perThread})";

                // As the package stores a message written with formatting on: its Markdown rendered (a sentence is a paragraph).
                row.ContentHtml = "<p>" + WebUtility.HtmlEncode(row.Content) + "</p>";
                await writer.AddAsync(row, cancellationToken);
            }
        }

        await writer.FlushAsync(cancellationToken);
    }

    /// <summary>Writes two rows per thread; returns how many of them are unread.</summary>
    private async Task<long> WriteParticipantsAsync(Plan plan, CancellationToken cancellationToken)
    {
        var row = new ThreadParticipant { State = ParticipantState.Active };
        await using var writer = new TableWriter<ThreadParticipant>(db);
        var perThread = plan.Size.MessagesPerThread;
        var unreadRows = 0L;
        foreach (var thread in plan.Threads())
        {
            var starterWroteLast = (perThread - 1) % 2 == 0;
            var (lastWriter, reader) = starterWroteLast ? (thread.Starter, thread.Partner) : (thread.Partner, thread.Starter);
            var unread = IsUnread(thread.Index);
            row.ThreadId = thread.Id;
            row.LatestMessageAt = thread.LatestMessageAt;
            row.JoinedAt = thread.CreatedAt;
            row.StateChangedAt = thread.CreatedAt;

            // Whoever wrote last has read everything.
            row.UserId = lastWriter;
            row.IsUnread = false;
            row.HasSent = true;
            row.LastReadMessageId = thread.LatestMessageId;
            await writer.AddAsync(row, cancellationToken);

            // The other has read up to their own message before it, unless they have read the latest too.
            row.UserId = reader;
            row.IsUnread = unread;
            row.HasSent = reader == thread.Starter || perThread > 1;
            row.LastReadMessageId = !unread ? thread.LatestMessageId : perThread > 1 ? thread.LatestMessageId - 1 : null;
            await writer.AddAsync(row, cancellationToken);
            unreadRows += unread ? 1 : 0;
        }

        await writer.FlushAsync(cancellationToken);
        return unreadRows;
    }

    /// <summary>PostgreSQL's identity columns do not move past ids given explicitly: move them, or the next send would collide.</summary>
    internal static async Task AdvanceIdentitySequencesAsync(SampleDbContext db, CancellationToken cancellationToken)
    {
        if (!db.Database.IsNpgsql())
        {
            return;
        }

        foreach (var type in new[] { typeof(MessageThread), typeof(Message) })
        {
            var entity = db.Model.FindEntityType(type)!;
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            var sql = db.GetService<ISqlGenerationHelper>();
            var qualified = sql.DelimitIdentifier(table.Name, table.Schema);
            var column = entity.FindPrimaryKey()!.Properties[0].GetColumnName(table)!;
            // Names from the model, values as parameters.
            var setval = "SELECT setval(pg_get_serial_sequence({0}, {1}), (SELECT MAX(" + sql.DelimitIdentifier(column) + ") FROM " + qualified + "))";
            await db.Database.ExecuteSqlRawAsync(setval, [qualified, column], cancellationToken);
        }
    }

    /// <summary>Ids, users and times of every thread, computed the same way for each table written.</summary>
    private sealed record Plan(SeedSize Size, string[] UserIds, long FirstThreadId, long FirstMessageId, DateTime FirstSentAt)
    {
        public IEnumerable<PlannedThread> Threads()
        {
            var index = 0L;
            var perThread = Size.MessagesPerThread;
            foreach (var (starter, partner) in Pairs(Size))
            {
                var firstMessage = index * perThread;
                var createdAt = FirstSentAt.AddSeconds(firstMessage);
                yield return new PlannedThread(
                    index,
                    FirstThreadId + index,
                    UserIds[starter],
                    UserIds[partner],
                    FirstMessageId + firstMessage,
                    createdAt,
                    FirstMessageId + firstMessage + perThread - 1,
                    createdAt.AddSeconds(perThread - 1));
                index++;
            }
        }
    }

    private readonly record struct PlannedThread(
        long Index, long Id, string Starter, string Partner, long FirstMessageId, DateTime CreatedAt, long LatestMessageId, DateTime LatestMessageAt);
}
