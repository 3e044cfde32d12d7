using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using UserMessages.Storage;

namespace UserMessages.Tests.Users;

/// <summary>A host whose users have a query filter: accounts with a lockout end are hidden from every query.</summary>
public sealed class FilteredUsersDbContext(DbContextOptions<FilteredUsersDbContext> options) : UserMessagesIdentityDbContext<IdentityUser>(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<IdentityUser>().HasQueryFilter(u => u.LockoutEnd == null);
    }
}
