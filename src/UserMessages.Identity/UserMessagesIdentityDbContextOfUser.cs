using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using UserMessages.Domain;

namespace UserMessages.Storage;

/// <summary>
/// A base context for new apps whose users are ASP.NET Core Identity users with string keys:
/// Identity's tables plus the UserMessages tables, in the host's own database and migrations.
/// </summary>
/// <typeparam name="TUser">The host's user type.</typeparam>
public abstract class UserMessagesIdentityDbContext<TUser> : IdentityDbContext<TUser>, IUserMessagesDbContext
    where TUser : IdentityUser
{
    /// <summary>Creates the context with the given options.</summary>
    /// <param name="options">The options for this context.</param>
    protected UserMessagesIdentityDbContext(DbContextOptions options)
        : base(options)
    {
    }

    /// <inheritdoc />
    public virtual DbSet<MessageThread> MessageThreads { get; set; } = null!;

    /// <inheritdoc />
    public virtual DbSet<Message> Messages { get; set; } = null!;

    /// <inheritdoc />
    public virtual DbSet<ThreadParticipant> ThreadParticipants { get; set; } = null!;

    /// <inheritdoc />
    public virtual DbSet<UserBlock> UserBlocks { get; set; } = null!;

    /// <inheritdoc />
    public virtual DbSet<MessagingPreferences> MessagingPreferences { get; set; } = null!;

    /// <inheritdoc />
    public virtual DbSet<PendingNotification> PendingNotifications { get; set; } = null!;

    /// <inheritdoc />
    public virtual DbSet<MailboxCounter> MailboxCounters { get; set; } = null!;

    /// <summary>Configures Identity's model, then the UserMessages tables.</summary>
    /// <param name="builder">The model builder.</param>
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.UseUserMessages(this);
    }
}
