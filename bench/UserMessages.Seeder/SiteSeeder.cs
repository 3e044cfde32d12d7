using System.Diagnostics;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using UserMessages.Domain;
using UserMessages.Sample.Data;
using UserMessages.Services;

namespace UserMessages.Seeding;

/// <summary>
/// Fills an empty database shaped like a real site (<see cref="SitePlan"/>): users <c>user1@example.com</c> … (user1 the
/// most active, password <see cref="LoadSeeder.Password"/>), two-person and group threads, messages of varied length
/// over months, a few percent of participant rows unread; every row as the package would have written it. PostgreSQL
/// gets binary <c>COPY</c> with its secondary indexes and foreign keys built after the load; other databases get
/// batched INSERTs. One transaction; the unread counters are rebuilt by the package at the end.
/// </summary>
public sealed class SiteSeeder(SampleDbContext db, UserManager<IdentityUser> userManager, IUserMessagesService messages, TimeProvider clock)
{
    private static readonly string[] Topics =
    [
        "Meeting notes", "Lunch on Friday?", "Release plan", "Question about the invoice", "Holiday rota", "Slides for Monday",
        "Bug in the importer", "Welcome aboard", "Budget review", "Conference trip", "Garden party", "Your order",
        "Flat viewing on Saturday", "Choir rehearsal", "The bike for sale", "Tickets", "Birthday present for Anna",
        "Moving day", "Football training", "Book club: next month's pick",
    ];

    private static readonly string[] Short = ["Thanks!", "OK", "Sounds good.", "See you then.", "Yes, please.", "No worries.", "Will do.", "Haha, fair enough."];

    private static readonly string[] Sentences =
    [
        "Thanks for the update, that works for me.",
        "Let me know if anything changes before the end of the week.",
        "Could you have a look at the numbers again? I think the second table is off by one row somewhere.",
        "Sounds good! I will bring the printouts and we can go through them together after lunch.",
        "I am not sure I follow: did we agree to move the deadline, or only the review meeting?",
        "Here is the summary you asked for; the details are in the shared folder under this year's name.",
        "Sorry for the late answer, I was travelling.",
        "Yes, please go ahead and send it to everyone.",
        "Quick one: is the room booked for Tuesday at ten, or should I ask the front desk to do it?",
        "Great work on this, two small remarks inline, otherwise ready to ship as far as I am concerned.",
        "The invoice for the garden furniture came today and the total is higher than the quote.",
        "Is the bike still for sale? I could pick it up on Sunday morning if that suits you.",
        "We are meeting at the station at half past six, bring a warm jacket.",
        "My train is delayed by twenty minutes, start without me.",
        "Did you get the tickets for the concert? The early ones sold out in an hour.",
        "I have attached the photos from the weekend, the ones by the lake turned out lovely.",
        "The landlord wants to come round on Thursday to look at the boiler.",
        "Can we move our call to the afternoon? The morning is full of interviews.",
        "The kids loved the museum, thank you for the tip about the dinosaur room.",
        "I still have your umbrella from the party, shall I drop it off at the office?",
        "Rehearsal is cancelled this week because the hall is being painted.",
        "The recipe needs twice as much garlic as it says, trust me on this one.",
        "Happy birthday! I hope the day is as good as the cake we saw in the window.",
        "Our flight lands at nine in the evening, so we will come straight to the hotel.",
        "The printer on the third floor is jammed again and nobody has the key to the cupboard.",
        "I read the chapter you suggested and now I cannot stop thinking about the ending.",
        "Please confirm the delivery address before I place the order.",
        "The match on Saturday starts at two, we need one more player for the team.",
        "Could you water the plants while we are away? The key is under the blue pot.",
        "The budget review moved to next Wednesday, same room, same time.",
    ];

    /// <summary>Writes the site into an empty database; <paramref name="report"/> hears each phase as it ends.</summary>
    public async Task<SiteSeedResult> SeedAsync(SiteSize size, Action<string, TimeSpan> report, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(size);
        ArgumentNullException.ThrowIfNull(report);
        if (size.Problem() is { } problem)
        {
            throw new ArgumentException(problem, nameof(size));
        }

        var total = Stopwatch.StartNew();
        var watch = Stopwatch.StartNew();
        void Phase(string name)
        {
            report(name, watch.Elapsed);
            watch.Restart();
        }

        var plan = new SitePlan(size.Users, size.Messages);
        Phase($"planned {plan.ThreadCount:N0} threads, {plan.ParticipantCount:N0} participant rows");

        // Building an index over millions of rows takes minutes, not the 30 s a command gets by default.
        db.Database.SetCommandTimeout(TimeSpan.FromHours(1));
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (await db.Users.AnyAsync(cancellationToken) || await db.MessageThreads.AnyAsync(cancellationToken))
            {
                throw new InvalidOperationException("--site seeds an empty database: this one has users or threads already.");
            }

            var postgres = db.Database.IsNpgsql();
            SecondaryIndexes? indexes = null;
            if (postgres)
            {
                indexes = await SecondaryIndexes.ReadAsync(db, [typeof(MessageThread), typeof(Message), typeof(ThreadParticipant)], cancellationToken);
                await indexes.DropAsync(db, cancellationToken);
                Phase($"dropped {indexes.Names.Count} indexes and foreign keys ({string.Join(", ", indexes.Names)})");
            }

            var userIds = await WriteUsersAsync(size.Users, cancellationToken);
            Phase($"wrote {size.Users:N0} users");
            var times = new Times(clock.GetUtcNow().UtcDateTime);
            await WriteThreadsAsync(plan, userIds, times, cancellationToken);
            Phase($"wrote {plan.ThreadCount:N0} threads");
            await WriteMessagesAsync(plan, userIds, times, cancellationToken);
            Phase($"wrote {plan.Messages:N0} messages");
            await WriteParticipantsAsync(plan, userIds, times, cancellationToken);
            Phase($"wrote {plan.ParticipantCount:N0} participant rows");
            if (indexes is not null)
            {
                // More memory for the index builds than the server's default of 64 MB (a sort in memory instead of on disk).
                await db.Database.ExecuteSqlRawAsync("SET LOCAL maintenance_work_mem = '1GB'", cancellationToken);
                await indexes.CreateAsync(db, (statement, elapsed) => report("  " + statement, elapsed), cancellationToken);
                Phase("created the indexes and foreign keys again");
            }

            await LoadSeeder.AdvanceIdentitySequencesAsync(db, cancellationToken);
            await messages.RebuildUnreadCountersAsync(cancellationToken);
            Phase("rebuilt the unread counters");
            await transaction.CommitAsync(cancellationToken);
            Phase("committed");
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return new SiteSeedResult(size, plan.ThreadCount, plan.ParticipantCount, plan.UnreadParticipants, total.Elapsed);
    }

    /// <summary>The text of the message with id offset <paramref name="rank"/>: one to thirty sentences, or a short reply, the same every run.</summary>
    internal static string Content(int rank)
    {
        var state = (ulong)rank * 0x9E3779B97F4A7C15UL + 0x2545F4914F6CDD1DUL;
        var roll = (int)(Next(ref state) % 100);
        if (roll < 30)
        {
            return Short[Next(ref state) % (ulong)Short.Length];
        }

        var count = roll < 70 ? 1 : roll < 88 ? 2 + (int)(Next(ref state) % 2) : roll < 98 ? 4 + (int)(Next(ref state) % 5) : 10 + (int)(Next(ref state) % 21);
        var text = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            text.Append(i == 0 ? string.Empty : " ").Append(Sentences[Next(ref state) % (ulong)Sentences.Length]);
        }

        return text.ToString();
    }

    private static ulong Next(ref ulong state)
    {
        // SplitMix64: cheap, and enough for picking sentences.
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private async Task<IRowWriter<T>> WriterAsync<T>(CancellationToken cancellationToken)
        where T : class
        => db.Database.IsNpgsql() ? await CopyWriter<T>.StartAsync(db, cancellationToken) : new TableWriter<T>(db);

    private async Task<string[]> WriteUsersAsync(int count, CancellationToken cancellationToken)
    {
        // Hashing is deliberately slow: one hash serves every user (the V3 format does not depend on the user).
        var passwordHash = userManager.PasswordHasher.HashPassword(new IdentityUser(), LoadSeeder.Password);
        var ids = new string[count];
        await using var writer = await WriterAsync<IdentityUser>(cancellationToken);
        for (var i = 0; i < count; i++)
        {
            var email = LoadSeeder.Email(i + 1);
            var user = LoadSeeder.NewUser(userManager, email, passwordHash);
            ids[i] = user.Id;
            await writer.AddAsync(user, cancellationToken);
        }

        await writer.FlushAsync(cancellationToken);
        return ids;
    }

    private async Task WriteThreadsAsync(SitePlan plan, string[] userIds, Times times, CancellationToken cancellationToken)
    {
        var row = new MessageThread();
        await using var writer = await WriterAsync<MessageThread>(cancellationToken);
        foreach (var thread in plan.ThreadsByTime)
        {
            var (first, count) = plan.MessagesOf(thread);
            row.Id = times.FirstThreadId + plan.ThreadRank(thread);
            row.Subject = Topics[(int)((uint)(thread * 2654435761L) % Topics.Length)];
            row.CreatedById = userIds[plan.SenderOf(first)];
            row.CreatedAt = times.At(plan.SecondOf(first));
            row.LatestMessageId = times.FirstMessageId + plan.MessageRank(first + count - 1);
            row.LatestMessageAt = times.At(plan.SecondOf(first + count - 1));
            row.ConcurrencyStamp = Guid.NewGuid().ToString();
            await writer.AddAsync(row, cancellationToken);
        }

        await writer.FlushAsync(cancellationToken);
    }

    private async Task WriteMessagesAsync(SitePlan plan, string[] userIds, Times times, CancellationToken cancellationToken)
    {
        var row = new Message { Kind = MessageKind.Text };
        await using var writer = await WriterAsync<Message>(cancellationToken);
        var rank = 0;
        foreach (var message in plan.MessagesByTime)
        {
            row.Id = times.FirstMessageId + rank;
            row.ThreadId = times.FirstThreadId + plan.ThreadRank(plan.ThreadOf(message));
            row.SenderId = userIds[plan.SenderOf(message)];
            row.SentAt = times.At(plan.SecondOf(message));
            row.Content = Content(rank);

            // As the package stores a message written with formatting on: its Markdown rendered (one line is a paragraph).
            row.ContentHtml = "<p>" + WebUtility.HtmlEncode(row.Content) + "</p>";
            await writer.AddAsync(row, cancellationToken);
            rank++;
        }

        await writer.FlushAsync(cancellationToken);
    }

    private async Task WriteParticipantsAsync(SitePlan plan, string[] userIds, Times times, CancellationToken cancellationToken)
    {
        var row = new ThreadParticipant { State = ParticipantState.Active };
        await using var writer = await WriterAsync<ThreadParticipant>(cancellationToken);
        foreach (var thread in plan.ThreadsByTime)
        {
            var (first, count) = plan.MessagesOf(thread);
            var (firstRow, rows) = plan.MembersOf(thread);
            var latestId = times.FirstMessageId + plan.MessageRank(first + count - 1);
            row.ThreadId = times.FirstThreadId + plan.ThreadRank(thread);
            row.LatestMessageAt = times.At(plan.SecondOf(first + count - 1));
            row.JoinedAt = times.At(plan.SecondOf(first));
            row.StateChangedAt = row.JoinedAt;
            for (var member = firstRow; member < firstRow + rows; member++)
            {
                // Sending marks the sender's own message read; the unread ones are the last few, all by others.
                var unread = plan.UnreadMessages(member);
                var lastRead = count - 1 - unread;
                row.UserId = userIds[plan.MemberOf(member)];
                row.IsUnread = unread > 0;
                row.HasSent = plan.LastOwnMessage(member) >= 0;
                row.LastReadMessageId = unread == 0 ? latestId : lastRead >= 0 ? times.FirstMessageId + plan.MessageRank(first + lastRead) : null;
                await writer.AddAsync(row, cancellationToken);
            }
        }

        await writer.FlushAsync(cancellationToken);
    }

    /// <summary>Ids from 1 (the database is empty) and the plan's seconds as times: the window ends two days ago, so no sending limit counts a seeded message.</summary>
    private sealed class Times(DateTime now)
    {
        private readonly DateTime end = new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc).AddDays(-2);

        public long FirstThreadId => 1;

        public long FirstMessageId => 1;

        public DateTime At(long second) => end.AddSeconds(second - (SitePlan.WindowSeconds - 1));
    }
}
