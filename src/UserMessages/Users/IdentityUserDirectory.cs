using System.ComponentModel;
using System.Linq.Expressions;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace UserMessages.Users;

/// <summary>
/// The default <see cref="IUserDirectory"/>: ASP.NET Core Identity users, shown by their public name (see
/// <see cref="IdentityUserDirectoryOptions{TUser}"/>), never by an e-mail address. Lookups of several users are
/// one query when the user store is queryable (the EF Core store is).
/// </summary>
/// <remarks>
/// The signed-in user's id and the names do not build a <see cref="UserManager{TUser}"/> when the app's is
/// Identity's own class: they read what it would read, the user-id claim and the store's users. A host's
/// own <see cref="UserManager{TUser}"/> subclass is always asked (it may override either).
/// </remarks>
internal sealed class IdentityUserDirectory<TUser, TKey>(
    IServiceProvider services,
    IdentityUserManagerKind<TUser> kind,
    IOptions<IdentityOptions> identityOptions,
    PublicNameCache<TUser> cache,
    IdentityUserDirectoryOptions<TUser>? publicNames = null)
    : IUserDirectory
    where TUser : IdentityUser<TKey>
    where TKey : IEquatable<TKey>
{
    private readonly IdentityUserDirectoryOptions<TUser> names = publicNames ?? new();
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

        if (!cache.IsOn)
        {
            return await ReadByIdsAsync(ids, cancellationToken);
        }

        var found = new Dictionary<string, MessagingUser>(StringComparer.Ordinal);
        var missing = cache.Take(ids, found);
        if (missing.Count > 0)
        {
            var read = await ReadByIdsAsync(missing, cancellationToken);
            cache.Keep(missing, read);
            foreach (var user in read.Values)
            {
                found[user.Id] = user;
            }
        }

        return found;
    }

    /// <summary>Reads the people of <paramref name="ids"/> (each of the key's shape) from the user store, keyed by stored id.</summary>
    private async Task<IReadOnlyDictionary<string, MessagingUser>> ReadByIdsAsync(List<string> ids, CancellationToken cancellationToken)
    {
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
                    found[id] = ToMessagingUser(user.Id, user.UserName, await PublicNameOfAsync(user));
                }
            }

            return found;
        }

        var keys = ids.Select(id => TryParseKey(id, out var key) ? key : default!).ToList();
        var context = EfContext(queryable);
        if (context is not null && names.DisplayName is null && UserNamesStatement<TUser, TKey>.For(context, names.DisplayNameClaimType) is { } statement)
        {
            // The EF Core store (every page asks for names): one statement written once per model.
            var found = await statement.ReadAsync(context, keys, cancellationToken);
            return found.Select(r => ToMessagingUser(r.Id, r.Name, r.PublicName)).ToDictionary(u => u.Id, StringComparer.Ordinal);
        }

        var rows = await queryable.AsNoTracking().Where(u => keys.Contains(u.Id)).Select(WithPublicName(context)).ToListAsync(cancellationToken);
        return rows.Select(r => ToMessagingUser(r.Id, r.UserName, r.PublicName)).ToDictionary(u => u.Id, StringComparer.Ordinal);
    }

    public async Task<DateTime?> GetAccountCreatedAtAsync(string userId, CancellationToken cancellationToken)
    {
        if (names.CreatedAt is not { } createdAt || !TryParseKey(userId, out var key))
        {
            return null;
        }

        if (!Manager.SupportsQueryableUsers)
        {
            return await Manager.FindByIdAsync(userId) is { } user ? createdAt.Compile()(user) : null;
        }

        List<TKey> keys = [key];
        return await Manager.Users.AsNoTracking().Where(u => keys.Contains(u.Id)).Select(createdAt).FirstOrDefaultAsync(cancellationToken);
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
                    found[name] = ToMessagingUser(user.Id, user.UserName, await PublicNameOfAsync(user));
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
            .Select(WithPublicName(EfContext(Manager.Users)))
            .ToListAsync(cancellationToken);

        foreach (var name in normalized.Keys)
        {
            // A user name wins over an e-mail address; an e-mail shared by several accounts matches nobody.
            var byName = rows.FirstOrDefault(r => r.NormalizedUserName == normalized[name]);
            var byEmail = rows.Where(r => r.NormalizedEmail == normalizedEmails[name]).Take(2).ToList();
            var match = byName ?? (byEmail.Count == 1 ? byEmail[0] : null);
            if (match is not null)
            {
                found[name] = ToMessagingUser(match.Id, match.UserName, match.PublicName);
            }
        }

        return found;
    }

    /// <summary>
    /// People whose public name (or user name, if it is not an e-mail address) starts with <paramref name="prefix"/>;
    /// someone is found by e-mail only when the whole address is typed, so addresses cannot be collected.
    /// </summary>
    public async Task<IReadOnlyList<MessagingUser>> SuggestAsync(string prefix, IReadOnlyCollection<string> excludedUserIds, int max, CancellationToken cancellationToken)
    {
        if (!Manager.SupportsQueryableUsers || string.IsNullOrWhiteSpace(prefix))
        {
            // A store that cannot be queried cannot be searched: the sender types names in full.
            return [];
        }

        var typed = prefix.Trim();
        var excluded = excludedUserIds.Select(id => TryParseKey(id, out var key) ? key : default!).ToList();
        var context = EfContext(Manager.Users);
        var users = Manager.Users.AsNoTracking().Where(u => !excluded.Contains(u.Id));
        if (typed.Contains('@', StringComparison.Ordinal))
        {
            var email = Manager.NormalizeEmail(typed) ?? typed;
            var byEmail = await users.Where(u => u.NormalizedEmail == email).Select(WithPublicName(context)).Take(2).ToListAsync(cancellationToken);
            return byEmail is [var only] ? [ToMessagingUser(only.Id, only.UserName, only.PublicName)] : [];
        }

        var rows = await users.Where(PublicNameStartsWith(typed, context))
            .OrderBy(u => u.NormalizedUserName)
            .Select(WithPublicName(context))
            .Take(max)
            .ToListAsync(cancellationToken);
        return rows.Select(r => ToMessagingUser(r.Id, r.UserName, r.PublicName)).ToList();
    }

    /// <summary>A user as the pages show them: by public name; without one, by user name, and of an e-mail address only the part before the <c>@</c>.</summary>
    private static MessagingUser ToMessagingUser(TKey id, string? userName, string? publicName)
    {
        var idText = Convert.ToString(id, System.Globalization.CultureInfo.InvariantCulture)!;
        var name = userName ?? idText;
        var shown = !string.IsNullOrWhiteSpace(publicName) ? publicName.Trim() : name.Split('@')[0] is { Length: > 0 } local ? local : idText;
        return new MessagingUser(idText, name, shown);
    }

    private async Task<string?> PublicNameOfAsync(TUser user)
    {
        if (names.DisplayName is { } column)
        {
            return column.Compile()(user);
        }

        return names.DisplayNameClaimType is { } claimType && Manager.SupportsUserClaim
            ? (await Manager.GetClaimsAsync(user)).Where(c => c.Type == claimType).Select(c => c.Value).Order(StringComparer.Ordinal).FirstOrDefault()
            : null;
    }

    /// <summary>The EF Core context behind an Identity store's users, or null for another store.</summary>
    private static DbContext? EfContext(IQueryable<TUser> users) => (users as DbSet<TUser>)?.GetService<ICurrentDbContext>().Context;

    /// <summary>Each user's id, user name, public name (the property named, or the claim named, else none) and normalized names.</summary>
    private Expression<Func<TUser, NameRow>> WithPublicName(DbContext? context)
    {
        var user = Expression.Parameter(typeof(TUser), "u");
        var publicName = PublicNameOf(user, context) ?? Expression.Constant(null, typeof(string));
        var constructor = typeof(NameRow).GetConstructors()[0];
        return Expression.Lambda<Func<TUser, NameRow>>(
            Expression.New(
                constructor,
                Expression.Property(user, nameof(IdentityUser<TKey>.Id)),
                Expression.Property(user, nameof(IdentityUser<TKey>.UserName)),
                publicName,
                Expression.Property(user, nameof(IdentityUser<TKey>.NormalizedUserName)),
                Expression.Property(user, nameof(IdentityUser<TKey>.NormalizedEmail))),
            user);
    }

    /// <summary>
    /// Users whose public name starts with <paramref name="typed"/> (any case); a user without one, whose user name
    /// does (of an e-mail address, that is the part before the @, which is what the pages show); or whose user name
    /// does when it is not an e-mail address.
    /// </summary>
    private Expression<Func<TUser, bool>> PublicNameStartsWith(string typed, DbContext? context)
    {
        var userName = Manager.NormalizeName(typed) ?? typed.ToUpperInvariant();
        Expression<Func<TUser, bool>> byUserName = u => u.NormalizedUserName!.StartsWith(userName);
        Expression<Func<TUser, bool>> byPlainUserName = u => u.NormalizedUserName!.StartsWith(userName) && !u.NormalizedUserName.Contains("@");
        var user = byUserName.Parameters[0];
        if (PublicNameOf(user, context) is not { } publicName)
        {
            return byUserName;
        }

        var none = Expression.Constant(null, typeof(string));
        var starts = Expression.Call(
            Expression.Call(publicName, typeof(string).GetMethod(nameof(string.ToUpper), Type.EmptyTypes)!),
            typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string)])!,
            Expression.Constant(typed.ToUpperInvariant()));
        var match = Expression.OrElse(
            Expression.AndAlso(Expression.NotEqual(publicName, none), starts),
            Expression.OrElse(
                Expression.AndAlso(Expression.Equal(publicName, none), byUserName.Body),
                new Rebind(byPlainUserName.Parameters[0], user).Visit(byPlainUserName.Body)));
        return Expression.Lambda<Func<TUser, bool>>(match, user);
    }

    /// <summary>The public name of <paramref name="user"/> as an expression EF Core translates, or null when none is configured.</summary>
    private Expression? PublicNameOf(ParameterExpression user, DbContext? context)
    {
        if (names.DisplayName is { } column)
        {
            return new Rebind(column.Parameters[0], user).Visit(column.Body);
        }

        if (names.DisplayNameClaimType is not { } claimType || context is null || Claims(context) is not { } claims)
        {
            return null;
        }

        Expression<Func<TUser, string?>> claim = u => claims.Where(c => c.UserId.Equals(u.Id) && c.ClaimType == claimType).Min(c => c.ClaimValue);
        return new Rebind(claim.Parameters[0], user).Visit(claim.Body);
    }

    /// <summary>The Identity context's user claims, whatever the host's claim type.</summary>
    private static IQueryable<IdentityUserClaim<TKey>>? Claims(DbContext context)
    {
        var claimType = context.Model.GetEntityTypes().FirstOrDefault(e => e.BaseType is null && typeof(IdentityUserClaim<TKey>).IsAssignableFrom(e.ClrType))?.ClrType;
        return claimType is null
            ? null
            : (IQueryable<IdentityUserClaim<TKey>>)typeof(DbContext).GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!.MakeGenericMethod(claimType).Invoke(context, null)!;
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

    /// <summary>A user as read for the pages.</summary>
    private sealed record NameRow(TKey Id, string? UserName, string? PublicName, string? NormalizedUserName, string? NormalizedEmail);

    /// <summary>Puts the directory's user parameter in place of a configured expression's own.</summary>
    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
