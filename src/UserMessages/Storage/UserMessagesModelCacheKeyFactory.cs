using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace UserMessages.Storage;

/// <summary>
/// EF Core builds a context type's model once per process; the table names come from the app's
/// options, so two apps in one process (test hosts, say) with different prefixes need two models.
/// </summary>
internal sealed class UserMessagesModelCacheKeyFactory : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime)
    {
        var store = StoreOptionsLookup.Find(context);
        return (context.GetType(), store?.TablePrefix, store?.Schema, store?.SchemaVersion, store?.TextSearchConfiguration, designTime);
    }
}
