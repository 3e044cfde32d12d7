using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.AspNetCore.Mvc.Razor.Compilation;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using UserMessages;
using UserMessages.Attachments;
using UserMessages.Blocking;
using UserMessages.Events;
using UserMessages.Filters;
using UserMessages.Moderation;
using UserMessages.Notifications;
using UserMessages.Retention;
using UserMessages.Services;
using UserMessages.Storage;
using UserMessages.Store;
using UserMessages.Users;
using UserMessages.ViewComponents;
using UserMessages.Web;
using UserMessages.Web.Blazor;
using UserMessages.Web.Live;
using UserMessages.Web.Pages;
using UserMessages.Web.Routing;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the messaging feature.</summary>
public static class UserMessagesServiceCollectionExtensions
{
    /// <summary>
    /// Adds the messaging services, the bundled Razor views and their options (validated at
    /// start-up). Chain <see cref="UserMessagesBuilder.AddEntityFrameworkStores{TContext}"/> to say
    /// where the tables live, then call <c>app.MapUserMessages("/messages")</c>.
    /// </summary>
    /// <param name="services">The app's services.</param>
    /// <param name="configure">Changes to the default <see cref="UserMessagesOptions"/>.</param>
    /// <returns>A builder to configure the stores and the seams.</returns>
    public static UserMessagesBuilder AddUserMessages(this IServiceCollection services, Action<UserMessagesOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<UserMessagesOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<UserMessagesOptions>, UserMessagesOptionsValidator>());

        services.TryAddSingleton(sp => new StoreOptionsLookup.Source(() => sp.GetRequiredService<IOptions<UserMessagesOptions>>().Value.Store));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(typeof(PublicNameCache<>));
        services.TryAddSingleton<IRecipientPolicy, AcceptEveryoneRecipientPolicy>();
        services.TryAddSingleton<IMessageRequestPolicy, NobodySkipsRequestsPolicy>();
        services.TryAddScoped<UserMessagesErrorDescriber>();
        services.TryAddScoped<MessageInputValidator>();
        services.TryAddScoped<MessageSentDispatcher>();
        services.TryAddSingleton<LivePushes>();
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IMessageSentHandler, LiveUpdatesHandler>());
        services.TryAddScoped<ModerationEventDispatcher>();
        services.TryAddScoped<MessageChangedDispatcher>();
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IMessageChangedHandler, LiveUpdatesHandler>());
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IModerationEventHandler, LiveUpdatesHandler>());
        services.TryAddScoped<ThreadSeenDispatcher>();
        services.TryAddScoped<UserMessages.About.AboutCards>();
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IThreadSeenHandler, LiveUpdatesHandler>());
        services.TryAddScoped<MessageModeration>();
        services.TryAddScoped<INewAccountPolicy, DirectoryAgePolicy>();
        services.TryAddScoped<IHeldMessageDelivery>(sp => sp.GetRequiredService<IUserMessagesService>() as IHeldMessageDelivery
            ?? throw new InvalidOperationException("Approving held messages needs the package's own IUserMessagesService."));
        services.TryAddScoped<RecipientGate>();
        services.TryAddScoped<SendingLimits>();
        services.TryAddScoped<NotificationSchedule>();
        services.TryAddScoped(MessageStoreChoice.Create);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, StoreChoiceAtStartup>());
        services.TryAddSingleton<NotificationSwitch>();
        services.TryAddScoped<IMessageNotifier, NoNotifier>();
        services.TryAddScoped<NotificationDigestJob>();
        services.TryAddScoped<IUserMessagesService, UserMessagesService>();
        services.TryAddScoped<IUserBlockList, UserBlockList>();
        services.TryAddScoped<ThreadPurge>();
        services.TryAddSingleton<IAttachmentStore, FileSystemAttachmentStore>();
        services.TryAddSingleton<AttachmentFiles>();
        services.TryAddScoped<AttachmentCleanup>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, AttachmentCleanupService>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, ThreadRetentionService>());
        services.TryAddSingleton<SuggestionRateLimiter>();
        services.TryAddSingleton<SearchRateLimiter>();
        services.TryAddSingleton<KeptPages>();
        services.TryAddScoped(sp => new PageVersions(sp.GetRequiredService<UserMessagesDb>(), PageVersions.On(sp.GetRequiredService<IOptions<UserMessagesOptions>>().Value)));
        services.TryAddSingleton<UserMessagesMounts>();
        services.TryAddScoped<UserMessages.ViewModels.FolderNavCounts>();
        services.TryAddSingleton(sp => new UserMessagesLinks(sp.GetRequiredService<LinkGenerator>(), sp.GetRequiredService<UserMessagesMounts>()));
        services.TryAddSingleton<UserMessagesComponentRoot>();
        services.TryAddSingleton<UserMessagesLayout>();
        MessagingRoutingState.AddTo(services);
        services.TryAddSingleton<UnreadBadgeWarning>();
        services.TryAddEnumerable(ServiceDescriptor.Transient<Microsoft.AspNetCore.Mvc.ApiExplorer.IApiDescriptionProvider, UserMessages.Web.Api.JsonBodyDescription.Provider>());
        services.TryAddSingleton<FormerMember>();
        services.TryAddSingleton(typeof(IdentityUserManagerKind<>));
        services.AddHttpContextAccessor();
        services.AddAuthorization();
        services.AddAntiforgery();
        services.AddLocalization();
        services.AddSignalR();

        services.AddMvcCore()
            .AddViews()
            .AddRazorViewEngine()
            .ConfigureApplicationPartManager(AddViewsOfThisPackage);
        return new UserMessagesBuilder(services);
    }

    /// <summary>Makes the compiled views of this package findable even when the host does not discover it by itself.</summary>
    private static void AddViewsOfThisPackage(ApplicationPartManager partManager)
    {
        var assembly = typeof(UserMessagesOptions).Assembly;
        if (!partManager.ApplicationParts.OfType<AssemblyPart>().Any(p => p.Assembly == assembly))
        {
            partManager.ApplicationParts.Add(new AssemblyPart(assembly));
        }

        if (!partManager.ApplicationParts.OfType<CompiledRazorAssemblyPart>().Any(p => p.Assembly == assembly))
        {
            partManager.ApplicationParts.Add(new CompiledRazorAssemblyPart(assembly));
        }
    }
}
