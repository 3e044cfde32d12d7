using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using UserMessages.Storage;

namespace UserMessages.Tests.Storage;

/// <summary>A context type used only by the test that runs two apps with different table prefixes.</summary>
public sealed class PerAppPrefixDbContext(DbContextOptions<PerAppPrefixDbContext> options) : UserMessagesIdentityDbContext<IdentityUser>(options);
