using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using UserMessages.Storage;

namespace UserMessages.Tests.Infrastructure;

/// <summary>A host context as a new app would write it: Identity with string keys plus the messaging tables.</summary>
public sealed class TestDbContext(DbContextOptions<TestDbContext> options) : UserMessagesIdentityDbContext<IdentityUser>(options);
