namespace UserMessages.Domain;

/// <summary>
/// A conversation between two or more users: a subject, its participants and its messages
/// (the original app's <c>Thread</c>; named <c>MessageThread</c> so it never collides with
/// <see cref="System.Threading.Thread"/> under the SDK's implicit usings).
/// </summary>
public class MessageThread
{
    /// <summary>The longest subject a thread may have.</summary>
    public const int MaxSubjectLength = 150;

    /// <summary>The longest <see cref="About"/>: a kind of 32 characters, a colon and a key of 128.</summary>
    public const int MaxAboutLength = 161;

    /// <summary>The thread's primary key.</summary>
    public long Id { get; set; }

    /// <summary>The subject, required, at most <see cref="MaxSubjectLength"/> characters.</summary>
    public string Subject { get; set; } = string.Empty;

    /// <summary>What the conversation is about, as the host named it when it was started (<c>listing:123</c>), or <see langword="null"/>.</summary>
    public string? About { get; set; }

    /// <summary>When the thread was started (UTC).</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>Who started the thread.</summary>
    public string CreatedById { get; set; } = string.Empty;

    /// <summary>When its latest message was sent (UTC); kept up to date by every reply.</summary>
    public DateTime LatestMessageAt { get; set; }

    /// <summary>The id of its latest message, so lists can show an excerpt with one join.</summary>
    public long LatestMessageId { get; set; }

    /// <summary>A random value that changes whenever the thread row changes (optimistic concurrency).</summary>
    public string ConcurrencyStamp { get; set; } = Guid.NewGuid().ToString();

    /// <summary>The messages of the thread (loaded only when asked for).</summary>
    public virtual ICollection<Message> Messages { get; set; } = new List<Message>();

    /// <summary>One state row per participant (loaded only when asked for).</summary>
    public virtual ICollection<ThreadParticipant> Participants { get; set; } = new List<ThreadParticipant>();

    /// <summary>The first message by date among the loaded <see cref="Messages"/>, or <see langword="null"/>.</summary>
    public Message? FirstMessage => Messages.OrderBy(m => m.SentAt).ThenBy(m => m.Id).FirstOrDefault();

    /// <summary>The latest message by date among the loaded <see cref="Messages"/>, or <see langword="null"/>.</summary>
    public Message? LatestMessage => Messages.OrderByDescending(m => m.SentAt).ThenByDescending(m => m.Id).FirstOrDefault();

    /// <summary>
    /// Orders any sequence of threads by the date of their latest message, newest first
    /// (the original's <c>Thread.ordered</c>).
    /// </summary>
    /// <param name="threads">The threads to order.</param>
    /// <returns>The threads, newest activity first.</returns>
    public static IEnumerable<MessageThread> Ordered(IEnumerable<MessageThread> threads)
    {
        ArgumentNullException.ThrowIfNull(threads);
        return threads
            .OrderByDescending(t => t.LatestMessage?.SentAt ?? t.LatestMessageAt)
            .ThenByDescending(t => t.Id);
    }
}
