using System.Linq.Expressions;

namespace UserMessages.Users;

/// <summary>
/// Where the Identity user directory finds a person's public name: the name the pages show and the type-ahead
/// finds. Without one, a user name is shown, and of an e-mail address only the part before the <c>@</c>.
/// </summary>
/// <typeparam name="TUser">The host's user type.</typeparam>
public sealed class IdentityUserDirectoryOptions<TUser>
    where TUser : class
{
    /// <summary>The type of the user claim that holds the public name (stored by Identity, e.g. <c>"display_name"</c>).</summary>
    public string? DisplayNameClaimType { get; set; }

    /// <summary>A property of the user that holds the public name, e.g. <c>u =&gt; u.DisplayName</c> (EF Core must translate it).</summary>
    public Expression<Func<TUser, string?>>? DisplayName { get; set; }

    /// <summary>A property of the user that holds when the account was created (UTC), e.g. <c>u =&gt; u.CreatedAt</c>, for the limits on new accounts.</summary>
    public Expression<Func<TUser, DateTime?>>? CreatedAt { get; set; }

    /// <summary>
    /// How long each instance keeps the names it read, so most pages read none; a renamed or deleted account shows as
    /// before for up to this long. Default <see cref="TimeSpan.Zero"/>: names are read on every page.
    /// </summary>
    public TimeSpan NameCacheDuration { get; set; }

    /// <summary>The most people whose names an instance keeps (see <see cref="NameCacheDuration"/>). Default 10,000.</summary>
    public int NameCacheSize { get; set; } = 10_000;
}
