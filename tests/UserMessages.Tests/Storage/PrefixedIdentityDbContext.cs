using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using UserMessages.Storage;

namespace UserMessages.Tests.Storage;

/// <summary>
/// An Identity-based context used only with a table prefix and schema set in the options (EF Core
/// builds one model per context type, so it must not share its type with the default-named tests).
/// </summary>
public sealed class PrefixedIdentityDbContext(DbContextOptions<PrefixedIdentityDbContext> options) : UserMessagesIdentityDbContext<IdentityUser>(options);
