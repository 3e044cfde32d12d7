using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using UserMessages.Storage;

namespace UserMessages.Sample.Data;

/// <summary>The sample's one database: Identity's tables and the messaging tables, in one set of migrations (SQLite).</summary>
public class SampleDbContext : UserMessagesIdentityDbContext<IdentityUser>
{
    public SampleDbContext(DbContextOptions<SampleDbContext> options)
        : base(options)
    {
    }

    /// <summary>For <see cref="SamplePostgresDbContext"/> and <see cref="SampleMariaDbContext"/>, which have migrations of their own.</summary>
    protected SampleDbContext(DbContextOptions options)
        : base(options)
    {
    }
}
