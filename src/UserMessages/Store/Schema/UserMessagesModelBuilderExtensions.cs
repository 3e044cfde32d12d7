using Microsoft.EntityFrameworkCore;

namespace UserMessages.Storage;

/// <summary>Adds the UserMessages entities to a host's own EF Core model.</summary>
public static class UserMessagesModelBuilderExtensions
{
    /// <summary>
    /// Configures the UserMessages tables, keys and indexes in <paramref name="modelBuilder"/>.
    /// Call it from <c>OnModelCreating</c> of a context that implements <see cref="IUserMessagesDbContext"/>.
    /// </summary>
    /// <param name="modelBuilder">The host's model builder.</param>
    /// <param name="options">Table names, schema and model version; the defaults when <see langword="null"/>.</param>
    /// <returns>The same model builder.</returns>
    public static ModelBuilder UseUserMessages(this ModelBuilder modelBuilder, UserMessagesStoreOptions? options = null)
        => Configure(modelBuilder, options);

    /// <summary>
    /// Configures the UserMessages tables with the store options the app gave <c>AddUserMessages</c>
    /// (<c>options.Store</c>): call <c>modelBuilder.UseUserMessages(this)</c> from <c>OnModelCreating</c>.
    /// </summary>
    /// <param name="modelBuilder">The host's model builder.</param>
    /// <param name="context">The context whose model it builds (<c>this</c>).</param>
    /// <returns>The same model builder.</returns>
    public static ModelBuilder UseUserMessages(this ModelBuilder modelBuilder, DbContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Configure(modelBuilder, StoreOptionsLookup.Find(context));
    }

    private static ModelBuilder Configure(ModelBuilder modelBuilder, UserMessagesStoreOptions? options)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        options ??= new UserMessagesStoreOptions();
        if (options.SchemaVersion != UserMessagesStoreOptions.Version1)
        {
            throw new InvalidOperationException(
                $"UserMessages model version {options.SchemaVersion} is unknown; this package knows version {UserMessagesStoreOptions.Version1}.");
        }

        modelBuilder.ApplyConfiguration(new MessageThreadConfiguration(options));
        modelBuilder.ApplyConfiguration(new MessageConfiguration(options));
        modelBuilder.ApplyConfiguration(new ThreadParticipantConfiguration(options));
        modelBuilder.ApplyConfiguration(new UserBlockConfiguration(options));
        modelBuilder.ApplyConfiguration(new MessagingPreferencesConfiguration(options));
        modelBuilder.ApplyConfiguration(new PendingNotificationConfiguration(options));
        modelBuilder.ApplyConfiguration(new MailboxCounterConfiguration(options));
        modelBuilder.ApplyConfiguration(new MessageReportConfiguration(options));
        modelBuilder.ApplyConfiguration(new MessagingSuspensionConfiguration(options));
        modelBuilder.ApplyConfiguration(new ModerationLogEntryConfiguration(options));
        modelBuilder.ApplyConfiguration(new HeldMessageConfiguration(options));
        modelBuilder.ApplyConfiguration(new MessageEditConfiguration(options));
        modelBuilder.ApplyConfiguration(new MessageAttachmentConfiguration(options));
        return modelBuilder;
    }
}
