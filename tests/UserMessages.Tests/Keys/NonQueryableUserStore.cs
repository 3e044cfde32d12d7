using Microsoft.AspNetCore.Identity;

namespace UserMessages.Tests.Keys;

/// <summary>
/// A user store that cannot be queried with LINQ (as many hand-written stores), made by hiding
/// <see cref="IQueryableUserStore{TUser}"/> of the EF Core store it wraps.
/// </summary>
public sealed class NonQueryableUserStore(IUserEmailStore<GuidUser> inner) : IUserEmailStore<GuidUser>
{
    public Task<IdentityResult> CreateAsync(GuidUser user, CancellationToken cancellationToken) => inner.CreateAsync(user, cancellationToken);

    public Task<IdentityResult> DeleteAsync(GuidUser user, CancellationToken cancellationToken) => inner.DeleteAsync(user, cancellationToken);

    public Task<IdentityResult> UpdateAsync(GuidUser user, CancellationToken cancellationToken) => inner.UpdateAsync(user, cancellationToken);

    public Task<GuidUser?> FindByIdAsync(string userId, CancellationToken cancellationToken) => inner.FindByIdAsync(userId, cancellationToken);

    public Task<GuidUser?> FindByNameAsync(string normalizedUserName, CancellationToken cancellationToken) => inner.FindByNameAsync(normalizedUserName, cancellationToken);

    public Task<GuidUser?> FindByEmailAsync(string normalizedEmail, CancellationToken cancellationToken) => inner.FindByEmailAsync(normalizedEmail, cancellationToken);

    public Task<string> GetUserIdAsync(GuidUser user, CancellationToken cancellationToken) => inner.GetUserIdAsync(user, cancellationToken);

    public Task<string?> GetUserNameAsync(GuidUser user, CancellationToken cancellationToken) => inner.GetUserNameAsync(user, cancellationToken);

    public Task SetUserNameAsync(GuidUser user, string? userName, CancellationToken cancellationToken) => inner.SetUserNameAsync(user, userName, cancellationToken);

    public Task<string?> GetNormalizedUserNameAsync(GuidUser user, CancellationToken cancellationToken) => inner.GetNormalizedUserNameAsync(user, cancellationToken);

    public Task SetNormalizedUserNameAsync(GuidUser user, string? normalizedName, CancellationToken cancellationToken) => inner.SetNormalizedUserNameAsync(user, normalizedName, cancellationToken);

    public Task<string?> GetEmailAsync(GuidUser user, CancellationToken cancellationToken) => inner.GetEmailAsync(user, cancellationToken);

    public Task SetEmailAsync(GuidUser user, string? email, CancellationToken cancellationToken) => inner.SetEmailAsync(user, email, cancellationToken);

    public Task<bool> GetEmailConfirmedAsync(GuidUser user, CancellationToken cancellationToken) => inner.GetEmailConfirmedAsync(user, cancellationToken);

    public Task SetEmailConfirmedAsync(GuidUser user, bool confirmed, CancellationToken cancellationToken) => inner.SetEmailConfirmedAsync(user, confirmed, cancellationToken);

    public Task<string?> GetNormalizedEmailAsync(GuidUser user, CancellationToken cancellationToken) => inner.GetNormalizedEmailAsync(user, cancellationToken);

    public Task SetNormalizedEmailAsync(GuidUser user, string? normalizedEmail, CancellationToken cancellationToken) => inner.SetNormalizedEmailAsync(user, normalizedEmail, cancellationToken);

    public void Dispose() => inner.Dispose();
}
