using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace UserMessages.Storage;

/// <summary>
/// EF Core builds a context type's model once per process; the table names come from the app's
/// options, so two apps in one process (test hosts, say) with different prefixes need two models.
/// </summary>
internal sealed class UserMessagesModelCacheKeyFactory : IModelCacheKeyFactory
{
    /// <summary>
    /// Keys the model by the table options too, unless the options say so already or cannot change:
    /// a pooled context's options are frozen, and then EF Core forbids changing them in
    /// <c>OnConfiguring</c> (<c>AddEntityFrameworkStores</c> sets this up front for the context it is given).
    /// </summary>
    public static void Use(DbContextOptionsBuilder optionsBuilder)
    {
        var options = optionsBuilder.Options;
        var replaced = options.FindExtension<CoreOptionsExtension>()?.ReplacedServices;
        if (options.IsFrozen || (replaced is not null && replaced.Values.Contains(typeof(UserMessagesModelCacheKeyFactory))))
        {
            return;
        }

        optionsBuilder.ReplaceService<IModelCacheKeyFactory, UserMessagesModelCacheKeyFactory>();
    }

    public object Create(DbContext context, bool designTime)
    {
        var store = StoreOptionsLookup.Find(context);
        return (context.GetType(), store?.TablePrefix, store?.Schema, store?.SchemaVersion, store?.TextSearchConfiguration, designTime);
    }
}
