namespace UserMessages.Seeding;

/// <summary>
/// Who talks to whom, how much and when, for <see cref="SiteSeeder"/>: threads drawn until the messages asked for are
/// used up, their members drawn by a power law of activity, their messages spread over months, ids in time order.
/// The same size and seed give the same plan. The distributions are described in docs/benchmarks.md ("A big database").
/// </summary>
internal sealed class SitePlan
{
    /// <summary>How far back the first threads start: about six months.</summary>
    public const int WindowSeconds = 180 * 24 * 3600;

    /// <summary>Activity of the user of rank r (from 1) is proportional to 1 / (r + <see cref="RankOffset"/>).</summary>
    public const int RankOffset = 20;

    /// <summary>The share of threads, in percent, between two people; the rest are groups of 3 to 8.</summary>
    public const int TwoPersonPercent = 80;

    /// <summary>Messages per thread follow a Pareto law of this exponent (1 or more, mean about 4.6), capped at <see cref="MaxMessagesPerThread"/>.</summary>
    public const double LengthExponent = 1.2;

    public const int MaxMessagesPerThread = 3000;

    /// <summary>The chance, in percent, that someone who did not write a thread's latest message has not read it yet.</summary>
    public const int UnreadPercent = 5;

    private const int MaxGroup = 8;

    private readonly int[] threadMessageStart;
    private readonly int[] threadMemberStart;
    private readonly long[] threadStart;
    private readonly int[] members;
    private readonly int[] lastOwn;
    private readonly byte[] unreadMessages;
    private readonly byte[] senderSlot;
    private readonly long[] messageSecond;
    private readonly int[] threadByTime;
    private readonly int[] threadRank;
    private readonly int[] messageByTime;
    private readonly int[] messageRank;
    private readonly int[] messageThread;

    public SitePlan(int users, int messages, int seed = 23)
    {
        var random = new Random(seed);
        var activity = CumulativeActivity(users);
        var messageStarts = new List<int>();
        var memberStarts = new List<int>();
        var memberList = new List<int>();
        var lastOwnList = new List<int>();
        var unreadList = new List<byte>();
        var starts = new List<long>();
        senderSlot = new byte[messages];
        messageSecond = new long[messages];
        messageThread = new int[messages];
        var group = new HashSet<int>();
        var lastBySlot = new int[MaxGroup];
        var written = 0;
        while (written < messages)
        {
            var thread = messageStarts.Count;
            var count = (int)Math.Min(Math.Min(MaxMessagesPerThread, messages - written), Math.Floor(1 / Math.Pow(1 - random.NextDouble(), 1 / LengthExponent)));
            var size = random.Next(100) < TwoPersonPercent ? 2 : random.Next(3, MaxGroup + 1);
            size = Math.Min(size, users);
            group.Clear();
            var firstMember = memberList.Count;
            while (group.Count < size)
            {
                var user = Array.BinarySearch(activity, random.NextDouble() * activity[^1]);
                user = user < 0 ? Math.Min(~user, users - 1) : user;
                if (group.Add(user))
                {
                    memberList.Add(user);
                }
            }

            // Times: whole seconds, at least one apart, gaps of minutes to hours, ending by the end of the window.
            var start = (long)(random.NextDouble() * WindowSeconds);
            var meanGap = Math.Clamp((WindowSeconds - start) / (double)(count + 1), 1, 4 * 3600);
            var second = start;
            Array.Fill(lastBySlot, -1);
            for (var m = 0; m < count; m++)
            {
                var index = written + m;
                second += m == 0 ? 0 : 1 + (long)(-Math.Log(1 - random.NextDouble()) * meanGap);
                messageSecond[index] = second;
                messageThread[index] = thread;

                // The starter writes first; in two-person threads they mostly take turns; in groups anyone speaks.
                var slot = m == 0 ? 0
                    : size == 2 ? (random.Next(10) < 7 ? 1 - senderSlot[index - 1] : senderSlot[index - 1])
                    : random.Next(size);
                senderSlot[index] = (byte)slot;
                lastBySlot[slot] = m;
            }

            var overrun = second - (WindowSeconds - 1);
            if (overrun > 0)
            {
                for (var m = 0; m < count; m++)
                {
                    messageSecond[written + m] -= overrun;
                }

                start -= overrun;
            }

            // Whoever wrote last has read everything; the others most often too, else the last one to three messages by others wait.
            for (var slot = 0; slot < size; slot++)
            {
                var waiting = count - 1 - lastBySlot[slot];
                lastOwnList.Add(lastBySlot[slot]);
                unreadList.Add(waiting > 0 && random.Next(100) < UnreadPercent ? (byte)(1 + random.Next(Math.Min(waiting, 3))) : (byte)0);
            }

            messageStarts.Add(written);
            memberStarts.Add(firstMember);
            starts.Add(start);
            written += count;
        }

        messageStarts.Add(written);
        memberStarts.Add(memberList.Count);
        threadMessageStart = [.. messageStarts];
        threadMemberStart = [.. memberStarts];
        threadStart = [.. starts];
        members = [.. memberList];
        lastOwn = [.. lastOwnList];
        unreadMessages = [.. unreadList];
        Users = users;
        Messages = messages;

        // Ids grow with time, as the database hands them out: threads by their first message, messages by when they were sent.
        threadByTime = Enumerable.Range(0, ThreadCount).ToArray();
        var threadKeys = threadStart.Select((s, t) => ((s + WindowSeconds) << 32) | (uint)t).ToArray();
        Array.Sort(threadKeys, threadByTime);
        threadRank = new int[ThreadCount];
        for (var rank = 0; rank < ThreadCount; rank++)
        {
            threadRank[threadByTime[rank]] = rank;
        }

        messageByTime = Enumerable.Range(0, messages).ToArray();
        var messageKeys = new long[messages];
        for (var m = 0; m < messages; m++)
        {
            messageKeys[m] = ((messageSecond[m] + WindowSeconds) << 32) | (uint)threadRank[messageThread[m]];
        }

        Array.Sort(messageKeys, messageByTime);
        messageRank = new int[messages];
        for (var rank = 0; rank < messages; rank++)
        {
            messageRank[messageByTime[rank]] = rank;
        }
    }

    public int Users { get; }

    public int Messages { get; }

    public int ThreadCount => threadStart.Length;

    public int ParticipantCount => members.Length;

    /// <summary>Participant rows left unread.</summary>
    public long UnreadParticipants => unreadMessages.Count(u => u > 0);

    /// <summary>The threads (plan indexes) in id order.</summary>
    public IReadOnlyList<int> ThreadsByTime => threadByTime;

    /// <summary>The messages (plan indexes) in id order.</summary>
    public IReadOnlyList<int> MessagesByTime => messageByTime;

    /// <summary>0-based offset of a thread's id from the first thread id.</summary>
    public int ThreadRank(int thread) => threadRank[thread];

    /// <summary>0-based offset of a message's id from the first message id.</summary>
    public int MessageRank(int message) => messageRank[message];

    public int ThreadOf(int message) => messageThread[message];

    /// <summary>Seconds from the start of the window (may be a little before it for long threads).</summary>
    public long SecondOf(int message) => messageSecond[message];

    /// <summary>The user (0-based rank of activity) who wrote a message.</summary>
    public int SenderOf(int message) => members[threadMemberStart[messageThread[message]] + senderSlot[message]];

    /// <summary>A thread's first message and its message count.</summary>
    public (int First, int Count) MessagesOf(int thread) => (threadMessageStart[thread], threadMessageStart[thread + 1] - threadMessageStart[thread]);

    /// <summary>A thread's participant rows: index ranges into <see cref="MemberOf"/>, the first the starter.</summary>
    public (int First, int Count) MembersOf(int thread) => (threadMemberStart[thread], threadMemberStart[thread + 1] - threadMemberStart[thread]);

    public int MemberOf(int row) => members[row];

    /// <summary>The position in its thread of the last message this participant row's user wrote, or -1.</summary>
    public int LastOwnMessage(int row) => lastOwn[row];

    /// <summary>How many of the thread's last messages this participant row's user has not read (0: read all).</summary>
    public int UnreadMessages(int row) => unreadMessages[row];

    /// <summary>Cumulative weights 1 / (rank + offset) of users by rank: user 0 is the most active.</summary>
    private static double[] CumulativeActivity(int users)
    {
        var cumulative = new double[users];
        var sum = 0.0;
        for (var rank = 0; rank < users; rank++)
        {
            sum += 1.0 / (rank + 1 + RankOffset);
            cumulative[rank] = sum;
        }

        return cumulative;
    }
}
