using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using UserMessages.Domain;

namespace UserMessages.Storage;

/// <summary>
/// A base context for apps whose Identity users have another key type (a <see cref="Guid"/>, an
/// <see cref="int"/>...). User ids are stored in the UserMessages tables as Identity spells them
/// (<c>UserManager.GetUserId</c>), so views and services stay the same whatever the key type.
/// </summary>
/// <typeparam name="TUser">The host's user type.</typeparam>
/// <typeparam name="TRole">The host's role type.</typeparam>
/// <typeparam name="TKey">The key type of users and roles.</typeparam>
public abstract class UserMessagesIdentityDbContext<TUser, TRole, TKey> : IdentityDbContext<TUser, TRole, TKey>, IUserMessagesDbContext
    where TUser : IdentityUser<TKey>
    where TRole : IdentityRole<TKey>
    where TKey : IEquatable<TKey>
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
