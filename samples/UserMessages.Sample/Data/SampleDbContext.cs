using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using UserMessages.Storage;

namespace UserMessages.Sample.Data;

/// <summary>The sample's one database: Identity's tables and the messaging tables, in one set of migrations.</summary>
public class SampleDbContext(DbContextOptions<SampleDbContext> options) : UserMessagesIdentityDbContext<IdentityUser>(options);
