namespace UserMessages.Filters;

/// <summary>
/// Tells new accounts apart, for the new-account limit and the link filter (replace with <c>AddNewAccountPolicy&lt;T&gt;()</c>
/// on a site whose directory knows no creation dates). By default: younger than <c>options.NewAccounts.Age</c>, by the directory's date.
/// </summary>
public interface INewAccountPolicy
{
    /// <summary>Whether <paramref name="userId"/>'s account counts as new.</summary>
    /// <param name="userId">The user.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns>True for a new account.</returns>
    ValueTask<bool> IsNewAsync(string userId, CancellationToken cancellationToken);
}
