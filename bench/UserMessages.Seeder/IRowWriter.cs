namespace UserMessages.Seeding;

/// <summary>Writes rows of one entity type to its table, bypassing change tracking.</summary>
/// <typeparam name="T">The entity type.</typeparam>
internal interface IRowWriter<in T> : IAsyncDisposable
    where T : class
{
    /// <summary>Copies the values of <paramref name="row"/>, which the caller may reuse at once.</summary>
    Task AddAsync(T row, CancellationToken cancellationToken);

    /// <summary>Writes whatever is still pending.</summary>
    Task FlushAsync(CancellationToken cancellationToken);
}
