using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace UserMessages.Store;

/// <summary>
/// The templates of one statement the package writes, one per key (a variant, a page size, a
/// number of people), each written on first use with the context of the call at hand: the context
/// a model was first seen with may be disposed by then.
/// </summary>
/// <typeparam name="TKey">What tells the templates apart.</typeparam>
/// <param name="build">Writes the template of a key with a context of the model.</param>
internal sealed class StatementTemplates<TKey>(Func<DbContext, TKey, IRelationalCommandTemplate> build)
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, IRelationalCommandTemplate> templates = new();

    /// <summary>The template of <paramref name="key"/>, written with <paramref name="context"/> the first time.</summary>
    public IRelationalCommandTemplate For(DbContext context, TKey key)
        => templates.GetOrAdd(key, static (key, state) => state.Build(state.Context, key), (Build: build, Context: context));
}
