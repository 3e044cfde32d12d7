using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace UserMessages.Storage;

/// <summary>
/// PostgreSQL full-text search over a text column: a GIN index of <c>to_tsvector(config, column)</c>,
/// declared with the Npgsql provider's annotations (so the package needs no Npgsql reference) and
/// only when the model is built for PostgreSQL; other providers search without it.
/// </summary>
internal static partial class FullTextIndex
{
    public const string ConfigAnnotation = "Npgsql:TsVectorConfig";
    private const string MethodAnnotation = "Npgsql:IndexMethod";
    private const string NpgsqlPrefix = "Npgsql:";

    /// <summary>Whether the model is being built by the Npgsql provider (its conventions annotate the model first).</summary>
    public static bool IsPostgres(IReadOnlyModel model) => model.GetAnnotations().Any(a => a.Name.StartsWith(NpgsqlPrefix, StringComparison.Ordinal));

    /// <summary>Whether <paramref name="name"/> can name a text search configuration (<c>simple</c>, <c>english</c>, <c>public.german</c>).</summary>
    public static bool IsValidConfiguration(string? name) => name is not null && ConfigurationName().IsMatch(name);

    public static void Add<T>(EntityTypeBuilder<T> builder, string property, string name, string configuration)
        where T : class
    {
        if (!IsPostgres(builder.Metadata.Model))
        {
            return;
        }

        if (!IsValidConfiguration(configuration))
        {
            throw new InvalidOperationException($"'{configuration}' is not a text search configuration name (e.g. simple, english).");
        }

        builder.HasIndex(property).HasDatabaseName(name)
            .HasAnnotation(MethodAnnotation, "GIN")
            .HasAnnotation(ConfigAnnotation, configuration);
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?$")]
    private static partial Regex ConfigurationName();
}
