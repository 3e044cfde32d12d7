using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace UserMessages.Storage;

/// <summary>
/// PostgreSQL full-text search over a text column: a GIN index of <c>to_tsvector(config, column)</c> or of a stored
/// generated <c>tsvector</c> column, declared with Npgsql's annotations only when the model is built for PostgreSQL.
/// </summary>
internal static partial class FullTextIndex
{
    public const string ConfigAnnotation = "Npgsql:TsVectorConfig";

    /// <summary>The shadow property, and column, holding a row's words where <see cref="AddStored{T}"/> declared them.</summary>
    public const string SearchVector = "SearchVector";

    private const string PropertiesAnnotation = "Npgsql:TsVectorProperties";
    private const string MethodAnnotation = "Npgsql:IndexMethod";
    private const string NpgsqlPrefix = "Npgsql:";

    /// <summary>Whether the model is being built by the Npgsql provider (its conventions annotate the model first).</summary>
    public static bool IsPostgres(IReadOnlyModel model) => model.GetAnnotations().Any(a => a.Name.StartsWith(NpgsqlPrefix, StringComparison.Ordinal));

    /// <summary>Whether <paramref name="name"/> can name a text search configuration (<c>simple</c>, <c>english</c>, <c>public.german</c>).</summary>
    public static bool IsValidConfiguration(string? name) => name is not null && ConfigurationName().IsMatch(name);

    public static void Add<T>(EntityTypeBuilder<T> builder, string property, string name, string configuration)
        where T : class
    {
        if (IsPostgres(builder.Metadata.Model))
        {
            builder.HasIndex(property).HasDatabaseName(name)
                .HasAnnotation(MethodAnnotation, "GIN")
                .HasAnnotation(ConfigAnnotation, Validated(configuration));
        }
    }

    /// <summary>The words of <paramref name="property"/> in a stored generated column, <see cref="SearchVector"/>, with a GIN index of it.</summary>
    public static void AddStored<T>(EntityTypeBuilder<T> builder, string property, string name, string configuration)
        where T : class
    {
        if (!IsPostgres(builder.Metadata.Model))
        {
            return;
        }

        // Npgsql's own type, found where the provider that builds this model is loaded.
        var tsVector = Type.GetType("NpgsqlTypes.NpgsqlTsVector, Npgsql", throwOnError: true)!;
        builder.Property(tsVector, SearchVector)
            .HasAnnotation(ConfigAnnotation, Validated(configuration))
            .HasAnnotation(PropertiesAnnotation, new[] { property });
        builder.HasIndex(SearchVector).HasDatabaseName(name).HasAnnotation(MethodAnnotation, "GIN");
    }

    private static string Validated(string configuration) => IsValidConfiguration(configuration)
        ? configuration
        : throw new InvalidOperationException($"'{configuration}' is not a text search configuration name (e.g. simple, english).");

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?$")]
    private static partial Regex ConfigurationName();
}
