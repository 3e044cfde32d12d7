using System.Linq.Expressions;
using UserMessages.Domain;

namespace UserMessages.Store;

/// <summary>
/// Who may see a thread: a participant who has neither left it nor declined it as a request. The one home of that
/// rule, as LINQ for the EF Core queries and as SQL for the statements the package writes itself.
/// </summary>
internal static class ThreadAccess
{
    /// <summary>The state of a participant row that no longer gives its user the thread.</summary>
    public const ParticipantState Gone = ParticipantState.Left;

    /// <summary>The state of a declined request: gone for its user, still listed to the others (the sender is not told).</summary>
    public const ParticipantState Declined = ParticipantState.Declined;

    /// <summary>A participant row whose user may see its thread (inside a query's lambdas, write <c>.Where(ThreadAccess.MaySee)</c>).</summary>
    public static readonly Expression<Func<ThreadParticipant, bool>> MaySee = p => p.State != Gone && p.State != Declined;

    /// <summary>A participant row listed among a thread's people to the others: everyone who has not left.</summary>
    public static readonly Expression<Func<ThreadParticipant, bool>> Listed = p => p.State != Gone;

    /// <summary>Whether a participant row in <paramref name="state"/> gives its user the thread (the rule on rows already read).</summary>
    public static bool Allows(ParticipantState state) => state != Gone && state != Declined;

    /// <summary>The rows whose users may see their threads.</summary>
    public static IQueryable<ThreadParticipant> WhoMaySee(this IQueryable<ThreadParticipant> rows) => rows.Where(MaySee);

    /// <summary>The reader's row of a thread, while they may see it.</summary>
    public static IQueryable<ThreadParticipant> Reader(this IQueryable<ThreadParticipant> rows, string userId, long threadId)
        => rows.Where(p => p.ThreadId == threadId && p.UserId == userId).WhoMaySee();

    /// <summary>
    /// <see cref="MaySee"/> in SQL: <paramref name="stateColumn"/> is the row's state column (a number: the SQL store
    /// serves no model that converts it), and <paramref name="gone"/> the placeholder of a parameter holding <see cref="Gone"/>.
    /// </summary>
    public static string MaySeeSql(string stateColumn, string gone) => $"({stateColumn} <> {gone} AND {stateColumn} <> {(int)Declined})";

    /// <summary><see cref="Listed"/> in SQL, with the same arguments as <see cref="MaySeeSql"/>.</summary>
    public static string ListedSql(string stateColumn, string gone) => $"{stateColumn} <> {gone}";
}
