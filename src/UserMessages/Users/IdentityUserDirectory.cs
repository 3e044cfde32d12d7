using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace UserMessages.Users;

/// <summary>
/// The default <see cref="IUserDirectory"/>: ASP.NET Core Identity users, shown by user name.
/// Lookups of several users are one query when the user store is queryable (the EF Core store is).
/// </summary>
/// <remarks>
/// Every request asks for the signed-in user's id and most for names, so those two do not build a
/// <see cref="UserManager{TUser}"/> (about 15 services, 4 KB and 4 µs a request) when the app's is
/// Identity's own class: they read what its <see cref="UserManager{TUser}.GetUserId"/> and
/// <see cref="UserManager{TUser}.Users"/> read, the user-id claim and the store's users. A host's
/// own <see cref="UserManager{TUser}"/> subclass is always asked (it may override either).
/// </remarks>
internal sealed class IdentityUserDirectory<TUser, TKey>(IServiceProvider services, IdentityUserManagerKind<TUser> kind, IOptions<IdentityOptions> identityOptions)
    : IUserDirectory
    where TUser : IdentityUser<TKey>
    where TKey : IEquatable<TKey>
{
    private UserManager<TUser>? manager;

    private UserManager<TUser> Manager => manager ??= services.GetRequiredService<UserManager<TUser>>();

    private bool IsIdentitysOwnManager => kind.IsIdentitysOwn(services);

    public string? GetUserId(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return IsIdentitysOwnManager ? principal.FindFirstValue(identityOptions.Value.ClaimsIdentity.UserIdClaimType) : Manager.GetUserId(principal);
    }

    public async Task<IReadOnlyDictionary<string, MessagingUser>> FindByIdsAsync(IReadOnlyCollection<string> userIds, CancellationToken cancellationToken)
    {
        // An id of the wrong shape names nobody (and must not reach a store that would throw on it).
        var ids = userIds.Distinct().Where(id => TryParseKey(id, out _)).ToList();
        if (ids.Count == 0)
        {
            return new Dictionary<string, MessagingUser>();
        }

        // Identity's own manager's users are its store's (resolving the store builds no manager).
        var queryable = IsIdentitysOwnManager
            ? (services.GetRequiredService<IUserStore<TUser>>() as IQueryableUserStore<TUser>)?.Users
            : Manager.SupportsQueryableUsers ? Manager.Users : null;
        if (queryable is null)
        {
            var found = new Dictionary<string, MessagingUser>(StringComparer.Ordinal);
            foreach (var id in ids)
            {
                if (await Manager.FindByIdAsync(id) is { } user)
                {
                    found[id] = ToMessagingUser(user.Id, user.UserName);
                }
            }

            return found;
        }

        var keys = ids.Select(id => TryParseKey(id, out var key) ? key : default!).ToList();
        if (queryable is DbSet<TUser> users
            && users.GetService<ICurrentDbContext>().Context is var context
            && UserNamesStatement<TUser, TKey>.For(context) is { } statement)
        {
            // The EF Core store (every page asks for names): one statement written once per model.
            var found = await statement.ReadAsync(context, keys, cancellationToken);
            return found.Select(r => ToMessagingUser(r.Id, r.Name)).ToDictionary(u => u.Id, StringComparer.Ordinal);
        }

        var rows = await queryable.AsNoTracking()
            .Where(u => keys.Contains(u.Id))
            .Select(u => new { u.Id, u.UserName })
            .ToListAsync(cancellationToken);
        return rows.Select(r => ToMessagingUser(r.Id, r.UserName)).ToDictionary(u => u.Id, StringComparer.Ordinal);
    }

    public async Task<IReadOnlyDictionary<string, MessagingUser>> FindByNamesAsync(IReadOnlyCollection<string> names, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, MessagingUser>(StringComparer.Ordinal);
        if (names.Count == 0)
        {
            return found;
        }

        if (!Manager.SupportsQueryableUsers)
        {
            foreach (var name in names.Distinct())
            {
                var user = await Manager.FindByNameAsync(name) ?? await Manager.FindByEmailAsync(name);
                if (user is not null)
                {
                    found[name] = ToMessagingUser(user.Id, user.UserName);
                }
            }

            return found;
        }

        var normalized = names.Distinct().ToDictionary(n => n, n => Manager.NormalizeName(n) ?? n, StringComparer.Ordinal);
        var normalizedEmails = names.Distinct().ToDictionary(n => n, n => Manager.NormalizeEmail(n) ?? n, StringComparer.Ordinal);
        var nameValues = normalized.Values.Distinct().ToList();
        var emailValues = normalizedEmails.Values.Distinct().ToList();
        var rows = await Manager.Users.AsNoTracking()
            .Where(u => nameValues.Contains(u.NormalizedUserName!) || emailValues.Contains(u.NormalizedEmail!))
            .Select(u => new { u.Id, u.UserName, u.NormalizedUserName, u.NormalizedEmail })
            .ToListAsync(cancellationToken);

        foreach (var name in normalized.Keys)
        {
            // A user name wins over an e-mail address; an e-mail shared by several accounts matches nobody.
            var byName = rows.FirstOrDefault(r => r.NormalizedUserName == normalized[name]);
            var byEmail = rows.Where(r => r.NormalizedEmail == normalizedEmails[name]).Take(2).ToList();
            var match = byName ?? (byEmail.Count == 1 ? byEmail[0] : null);
            if (match is not null)
            {
                found[name] = ToMessagingUser(match.Id, match.UserName);
            }
        }

        return found;
    }

    public async Task<IReadOnlyList<MessagingUser>> SuggestAsync(string prefix, IReadOnlyCollection<string> excludedUserIds, int max, CancellationToken cancellationToken)
    {
        if (!Manager.SupportsQueryableUsers || string.IsNullOrWhiteSpace(prefix))
        {
            // A store that cannot be queried cannot be searched: the sender types names in full.
            return [];
        }

        var name = Manager.NormalizeName(prefix.Trim()) ?? prefix;
        var email = Manager.NormalizeEmail(prefix.Trim()) ?? prefix;
        var excluded = excludedUserIds.Select(id => TryParseKey(id, out var key) ? key : default!).ToList();
        var rows = await Manager.Users.AsNoTracking()
            .Where(u => (u.NormalizedUserName!.StartsWith(name) || u.NormalizedEmail!.StartsWith(email)) && !excluded.Contains(u.Id))
            .OrderBy(u => u.NormalizedUserName)
            .Select(u => new { u.Id, u.UserName })
            .Take(max)
            .ToListAsync(cancellationToken);
        return rows.Select(r => ToMessagingUser(r.Id, r.UserName)).ToList();
    }

    private static MessagingUser ToMessagingUser(TKey id, string? userName)
    {
        var idText = Convert.ToString(id, System.Globalization.CultureInfo.InvariantCulture)!;
        var name = userName ?? idText;
        return new MessagingUser(idText, name, name);
    }

    private static bool TryParseKey(string id, out TKey key)
    {
        if (typeof(TKey) == typeof(string))
        {
            key = (TKey)(object)id;
            return true;
        }

        key = default!;
        try
        {
            if (TypeDescriptor.GetConverter(typeof(TKey)).ConvertFromInvariantString(id) is TKey parsed)
            {
                key = parsed;
                return true;
            }
        }
        catch (Exception e) when (e is FormatException or NotSupportedException or ArgumentException)
        {
            // An id of the wrong shape names nobody.
        }

        return false;
    }
}
