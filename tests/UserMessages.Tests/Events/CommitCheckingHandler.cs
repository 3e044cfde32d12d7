using Microsoft.EntityFrameworkCore;
using UserMessages.Events;
using UserMessages.Tests.Infrastructure;

namespace UserMessages.Tests.Events;

/// <summary>
/// A handler that notes, when told, whether the sending context (the same scoped instance the
/// service wrote with) still has a transaction open, and whether the new message can be read.
/// </summary>
public sealed class CommitCheckingHandler(TestDbContext db, CommitCheckingHandler.Log log) : IMessageSentHandler
{
    public async Task HandleAsync(MessageSent message, CancellationToken cancellationToken)
    {
        var transaction = db.Database.CurrentTransaction is null ? "committed" : "transaction still open";
        var found = await db.Messages.AsNoTracking().AnyAsync(m => m.Id == message.MessageId, cancellationToken);
        log.Add($"{message.MessageId}: {transaction}, {(found ? "visible" : "missing")}");
    }

    /// <summary>What the handler found, in order.</summary>
    public sealed class Log
    {
        private readonly List<string> lines = [];

        public IReadOnlyList<string> Lines
        {
            get
            {
                lock (lines)
                {
                    return lines.ToList();
                }
            }
        }

        public void Add(string line)
        {
            lock (lines)
            {
                lines.Add(line);
            }
        }
    }
}
