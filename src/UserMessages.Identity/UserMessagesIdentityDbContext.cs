using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace UserMessages.Storage;

/// <summary>
/// The drop-in replacement for Identity's non-generic <c>IdentityDbContext</c> (the one the
/// <c>dotnet new --auth Individual</c> templates use): Identity's tables with <see cref="IdentityUser"/>
/// plus the UserMessages tables.
/// </summary>
public abstract class UserMessagesIdentityDbContext : UserMessagesIdentityDbContext<IdentityUser>
{
    /// <summary>Creates the context with the given options.</summary>
    /// <param name="options">The options for this context.</param>
    protected UserMessagesIdentityDbContext(DbContextOptions options)
        : base(options)
    {
    }
}
