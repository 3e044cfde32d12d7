namespace UserMessages.Events;

/// <summary>Runs every handler of an event in turn, after the change is saved; one that throws is reported and the rest still run.</summary>
internal static class HandlerRunner
{
    public static async Task RunAsync<THandler>(IEnumerable<THandler> handlers, Func<THandler, Task> handle, Action<Exception, THandler> failed, CancellationToken cancellationToken)
        where THandler : notnull
    {
        foreach (var handler in handlers)
        {
            try
            {
                await handle(handler);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                failed(e, handler);
            }
        }
    }
}
