using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using UserMessages.Storage;

namespace UserMessages.Tests.Keys;

/// <summary>A host context whose Identity users and roles have <see cref="Guid"/> keys.</summary>
public sealed class GuidDbContext(DbContextOptions<GuidDbContext> options)
    : UserMessagesIdentityDbContext<GuidUser, IdentityRole<Guid>, Guid>(options);
