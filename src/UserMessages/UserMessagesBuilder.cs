using System.Reflection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using UserMessages.Attachments;
using UserMessages.Events;
using UserMessages.Filters;
using UserMessages.Notifications;
using UserMessages.Storage;
using UserMessages.Store;
using UserMessages.Users;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Configures where the messaging feature stores its data and which seams it uses.</summary>
public sealed class UserMessagesBuilder
{
    internal UserMessagesBuilder(IServiceCollection services) => Services = services;

    /// <summary>The app's services.</summary>
    public IServiceCollection Services { get; }

    /// <summary>
    /// Stores threads and messages in <typeparamref name="TContext"/>, the host's own context. When
    /// it is an Identity context, the Identity user directory is registered too (unless one is already).
    /// </summary>
    /// <typeparam name="TContext">The host's context: derived from <c>UserMessagesIdentityDbContext</c> (package UserMessages.Identity), or implementing <see cref="IUserMessagesDbContext"/>.</typeparam>
    /// <returns>This builder.</returns>
    public UserMessagesBuilder AddEntityFrameworkStores<TContext>()
        where TContext : DbContext, IUserMessagesDbContext
    {
        Services.TryAddScoped(sp => new UserMessagesDb(sp.GetRequiredService<TContext>()));

        // Before the context is created, so a pooled context (AddDbContextPool) gets it too; also for the
        // type registered as its implementation (AddDbContext<TContext, TImplementation>), whose options are its own.
        foreach (var contextType in RegisteredImplementationsOf(typeof(TContext)).Prepend(typeof(TContext)))
        {
            ConfigureContext.MakeGenericMethod(contextType).Invoke(null, [Services]);
        }

        if (FindIdentityUserAndKey(typeof(TContext)) is { } identity)
        {
            Services.TryAddScoped(typeof(IUserDirectory), typeof(IdentityUserDirectory<,>).MakeGenericType(identity.User, identity.Key));
        }

        return this;
    }

    /// <summary>Uses ASP.NET Core Identity's <see cref="UserManager{TUser}"/> as the user directory (string keys).</summary>
    /// <typeparam name="TUser">The host's user type.</typeparam>
    /// <returns>This builder.</returns>
    public UserMessagesBuilder AddIdentityUserDirectory<TUser>()
        where TUser : IdentityUser
        => AddUserDirectory<IdentityUserDirectory<TUser, string>>();

    /// <summary>Uses ASP.NET Core Identity's <see cref="UserManager{TUser}"/> as the user directory.</summary>
    /// <typeparam name="TUser">The host's user type.</typeparam>
    /// <typeparam name="TKey">Its key type.</typeparam>
    /// <returns>This builder.</returns>
    public UserMessagesBuilder AddIdentityUserDirectory<TUser, TKey>()
        where TUser : IdentityUser<TKey>
        where TKey : IEquatable<TKey>
        => AddUserDirectory<IdentityUserDirectory<TUser, TKey>>();

    /// <summary>Uses ASP.NET Core Identity as the user directory (string keys), with the users' public name where <paramref name="configure"/> says.</summary>
    /// <typeparam name="TUser">The host's user type.</typeparam>
    /// <param name="configure">Names the claim or the property that holds a user's public name.</param>
    /// <returns>This builder.</returns>
    public UserMessagesBuilder AddIdentityUserDirectory<TUser>(Action<IdentityUserDirectoryOptions<TUser>> configure)
        where TUser : IdentityUser
        => AddIdentityUserDirectory<TUser, string>(configure);

    /// <summary>Uses ASP.NET Core Identity as the user directory, with the users' public name where <paramref name="configure"/> says.</summary>
    /// <typeparam name="TUser">The host's user type.</typeparam>
    /// <typeparam name="TKey">Its key type.</typeparam>
    /// <param name="configure">Names the claim or the property that holds a user's public name.</param>
    /// <returns>This builder.</returns>
    public UserMessagesBuilder AddIdentityUserDirectory<TUser, TKey>(Action<IdentityUserDirectoryOptions<TUser>> configure)
        where TUser : IdentityUser<TKey>
        where TKey : IEquatable<TKey>
    {
        ArgumentNullException.ThrowIfNull(configure);
        var options = new IdentityUserDirectoryOptions<TUser>();
        configure(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.NameCacheDuration, TimeSpan.Zero, nameof(options.NameCacheDuration));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.NameCacheSize, 1, nameof(options.NameCacheSize));
        Services.RemoveAll<IdentityUserDirectoryOptions<TUser>>();
        Services.AddSingleton(options);
        return AddUserDirectory<IdentityUserDirectory<TUser, TKey>>();
    }

    /// <summary>Uses <typeparamref name="TDirectory"/> to find users and their names, replacing any other.</summary>
    /// <typeparam name="TDirectory">The directory.</typeparam>
    /// <returns>This builder.</returns>
    public UserMessagesBuilder AddUserDirectory<TDirectory>()
        where TDirectory : class, IUserDirectory
    {
        Services.RemoveAll<IUserDirectory>();
        Services.AddScoped<IUserDirectory, TDirectory>();
        return this;
    }

    /// <summary>Uses <typeparamref name="TPolicy"/> to decide who accepts messages from whom, replacing the default that accepts all.</summary>
    /// <typeparam name="TPolicy">The policy.</typeparam>
    /// <returns>This builder.</returns>
    public UserMessagesBuilder AddRecipientPolicy<TPolicy>()
        where TPolicy : class, IRecipientPolicy
    {
        Services.RemoveAll<IRecipientPolicy>();
        Services.AddScoped<IRecipientPolicy, TPolicy>();
        return this;
    }

    /// <summary>Uses <typeparamref name="TPolicy"/> to name the senders whose new threads skip the Requests folder (staff, say).</summary>
    /// <typeparam name="TPolicy">The policy.</typeparam>
    /// <returns>This builder.</returns>
    public UserMessagesBuilder AddMessageRequestPolicy<TPolicy>()
        where TPolicy : class, IMessageRequestPolicy
    {
        Services.RemoveAll<IMessageRequestPolicy>();
        Services.AddScoped<IMessageRequestPolicy, TPolicy>();
        return this;
    }

    /// <summary>Adds a handler told after every committed message (several may be added).</summary>
    /// <typeparam name="THandler">The handler.</typeparam>
    /// <returns>This builder.</returns>
    public UserMessagesBuilder AddMessageSentHandler<THandler>()
        where THandler : class, IMessageSentHandler
    {
        Services.TryAddEnumerable(ServiceDescriptor.Scoped<IMessageSentHandler, THandler>());
        return this;
    }

    /// <summary>Adds a filter every new thread and reply passes before it is stored: accept, reject or hold for review (several run in the order added).</summary>
    /// <typeparam name="TFilter">The filter, e.g. the built-in <see cref="NewAccountLinkFilter"/>.</typeparam>
    /// <returns>This builder.</returns>
    public UserMessagesBuilder AddMessageFilter<TFilter>()
        where TFilter : class, IMessageFilter
    {
        Services.TryAddEnumerable(ServiceDescriptor.Scoped<IMessageFilter, TFilter>());
        return this;
    }

    /// <summary>Uses <typeparamref name="TPolicy"/> to tell new accounts apart (for a directory without creation dates).</summary>
    /// <typeparam name="TPolicy">The policy.</typeparam>
    /// <returns>This builder.</returns>
    public UserMessagesBuilder AddNewAccountPolicy<TPolicy>()
        where TPolicy : class, INewAccountPolicy
    {
        Services.RemoveAll<INewAccountPolicy>();
        Services.AddScoped<INewAccountPolicy, TPolicy>();
        return this;
    }

    /// <summary>Keeps attachment files in <typeparamref name="TStore"/> (blob storage, say) instead of the default folder.</summary>
    /// <typeparam name="TStore">The store.</typeparam>
    /// <returns>This builder.</returns>
    public UserMessagesBuilder AddAttachmentStore<TStore>()
        where TStore : class, IAttachmentStore
    {
        Services.RemoveAll<IAttachmentStore>();
        Services.AddSingleton<IAttachmentStore, TStore>();
        return this;
    }

    /// <summary>
    /// Lets conversations be about the site's own objects (<c>listing:123</c>): <typeparamref name="TResolver"/> decides who may
    /// start one about what and gives each its card. Registered scoped, so it may use the site's DbContext.
    /// </summary>
    /// <typeparam name="TResolver">The resolver.</typeparam>
    /// <returns>This builder.</returns>
    public UserMessagesBuilder AddAboutResolver<TResolver>()
        where TResolver : class, UserMessages.About.IAboutResolver
    {
        Services.RemoveAll<UserMessages.About.IAboutResolver>();
        Services.AddScoped<UserMessages.About.IAboutResolver, TResolver>();
        return this;
    }

    /// <summary>Adds a handler told after every moderation event: a report, a held or removed message, a suspension (several may be added).</summary>
    /// <typeparam name="THandler">The handler.</typeparam>
    /// <returns>This builder.</returns>
    public UserMessagesBuilder AddModerationEventHandler<THandler>()
        where THandler : class, IModerationEventHandler
    {
        Services.TryAddEnumerable(ServiceDescriptor.Scoped<IModerationEventHandler, THandler>());
        return this;
    }

    /// <summary>Adds a handler told after a sender edits or deletes a message (several may be added).</summary>
    /// <typeparam name="THandler">The handler.</typeparam>
    /// <returns>This builder.</returns>
    public UserMessagesBuilder AddMessageChangedHandler<THandler>()
        where THandler : class, IMessageChangedHandler
    {
        Services.TryAddEnumerable(ServiceDescriptor.Scoped<IMessageChangedHandler, THandler>());
        return this;
    }

    /// <summary>
    /// Notifies recipients of new messages through <typeparamref name="TNotifier"/> (e.g. by e-mail):
    /// messages are queued in the sending transaction and a background job sends each recipient one
    /// digest once their conversation has been quiet for <see cref="UserMessages.UserMessagesNotificationOptions.QuietPeriod"/>.
    /// </summary>
    /// <typeparam name="TNotifier">The notifier.</typeparam>
    /// <returns>This builder.</returns>
    public UserMessagesBuilder AddMessageNotifier<TNotifier>()
        where TNotifier : class, IMessageNotifier
    {
        Services.RemoveAll<IMessageNotifier>();
        Services.AddScoped<IMessageNotifier, TNotifier>();
        Services.RemoveAll<NotificationSwitch>();
        Services.AddSingleton(new NotificationSwitch { IsOn = true });
        Services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, NotificationDigestService>());
        return this;
    }

    private static readonly MethodInfo ConfigureContext = typeof(UserMessagesBuilder).GetMethod(nameof(Configure), BindingFlags.NonPublic | BindingFlags.Static)!;

    private static void Configure<TContext>(IServiceCollection services)
        where TContext : DbContext
    {
        services.ConfigureDbContext<TContext>(UserMessagesModelCacheKeyFactory.Use);
        services.ConfigureDbContext<TContext>(MySqlDeleteSyntax.Use);
    }

    /// <summary>The context types registered so far whose options are their own and that derive from <paramref name="contextType"/>.</summary>
    private IEnumerable<Type> RegisteredImplementationsOf(Type contextType)
        => Services.Select(d => d.ServiceType)
            .Where(t => t.IsGenericType && t.GetGenericTypeDefinition() == typeof(DbContextOptions<>))
            .Select(t => t.GetGenericArguments()[0])
            .Where(t => t != contextType && contextType.IsAssignableFrom(t))
            .Distinct()
            .ToList();

    private const string IdentityEntityFrameworkNamespace = "Microsoft.AspNetCore.Identity.EntityFrameworkCore";

    private static (Type User, Type Key)? FindIdentityUserAndKey(Type contextType)
    {
        for (var type = contextType; type is not null; type = type.BaseType)
        {
            // IdentityUserContext<TUser, TKey, ...> has gained type parameters over releases (passkeys in 10.0): match them all.
            // By name: its package (Microsoft.AspNetCore.Identity.EntityFrameworkCore) is the host's, not a dependency of ours.
            if (type.IsGenericType && type.GetGenericTypeDefinition() is var definition
                && definition.Namespace == IdentityEntityFrameworkNamespace
                && definition.Name.StartsWith("IdentityUserContext`", StringComparison.Ordinal))
            {
                var arguments = type.GetGenericArguments();
                return (arguments[0], arguments[1]);
            }
        }

        return null;
    }
}
