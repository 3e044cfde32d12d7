using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace UserMessages.Users;

/// <summary>
/// Whether the app's <see cref="UserManager{TUser}"/> is ASP.NET Core Identity's own class or a
/// host's subclass, found out once per app (from the first manager a request builds) so that
/// <see cref="IdentityUserDirectory{TUser, TKey}"/> need not build one on every request.
/// </summary>
/// <typeparam name="TUser">The host's user type.</typeparam>
internal sealed class IdentityUserManagerKind<TUser>
    where TUser : class
{
    private const int Unknown = 0, Own = 1, Subclass = 2;

    private int kind = Unknown;

    /// <summary>Whether the manager is Identity's own class; a manager is built from <paramref name="services"/> (a request's) the first time only.</summary>
    public bool IsIdentitysOwn(IServiceProvider services)
    {
        var known = Volatile.Read(ref kind);
        if (known == Unknown)
        {
            known = services.GetRequiredService<UserManager<TUser>>().GetType() == typeof(UserManager<TUser>) ? Own : Subclass;
            Volatile.Write(ref kind, known);
        }

        return known == Own;
    }
}
