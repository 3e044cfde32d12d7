using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace UserMessages.Storage;

/// <summary>Finds the host's <see cref="UserMessagesStoreOptions"/> from inside a context, the way Identity finds its store options.</summary>
internal static class StoreOptionsLookup
{
    public static UserMessagesStoreOptions? Find(DbContext context)
        => context.GetService<IDbContextOptions>()
            .Extensions.OfType<CoreOptionsExtension>().FirstOrDefault()
            ?.ApplicationServiceProvider
            ?.GetService<IOptions<UserMessagesOptions>>()
            ?.Value.Store;
}
