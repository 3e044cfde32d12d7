using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace UserMessages.Storage;

/// <summary>Finds the host's <see cref="UserMessagesStoreOptions"/> from inside a context, the way Identity finds its store options.</summary>
internal static class StoreOptionsLookup
{
    public static UserMessagesStoreOptions? Find(DbContext context)
        => context.GetService<IDbContextOptions>()
            .Extensions.OfType<CoreOptionsExtension>().FirstOrDefault()
            ?.ApplicationServiceProvider
            ?.GetService<Source>()
            ?.Options();

    /// <summary>The app's store options, as <c>AddUserMessages</c> registers them (read when a model is built).</summary>
    internal sealed class Source(Func<UserMessagesStoreOptions> options)
    {
        public UserMessagesStoreOptions Options() => options();
    }
}
