using System.Linq.Expressions;
using UserMessages.Domain;

namespace UserMessages.Store;

/// <summary>
/// Who has exchanged messages with whom (message requests): someone whose row of a thread they share is neither a
/// request nor a declined or left one they never wrote in. The rule's one home, as LINQ and as SQL.
/// </summary>
internal static class Acquaintance
{
    /// <summary>A participant row through which its user knows the thread's other people.</summary>
    public static readonly Expression<Func<ThreadParticipant, bool>> Knows = p =>
        p.State == ParticipantState.Active || p.State == ParticipantState.Archived || p.State == ParticipantState.Deleted || p.HasSent;

    /// <summary><see cref="Knows"/> in SQL over a row's state and has-sent columns (the state a number, as the SQL store serves).</summary>
    public static string KnowsSql(string stateColumn, string hasSentColumn)
        => $"({stateColumn} IN ({(int)ParticipantState.Active}, {(int)ParticipantState.Archived}, {(int)ParticipantState.Deleted}) OR {hasSentColumn})";
}
