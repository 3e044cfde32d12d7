using Microsoft.Data.Sqlite;

namespace UserMessages.Sample.Data;

public static class SqliteConnectionStrings
{
    /// <summary>A relative database file is put under the app's content root (its folder created), wherever the app is started from.</summary>
    public static string Resolve(string? connectionString, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString ?? "Data Source=App_Data/usermessages-sample.db");
        var source = builder.DataSource;
        var inMemory = builder.Mode == SqliteOpenMode.Memory || source == ":memory:" || source.StartsWith("file:", StringComparison.Ordinal);
        if (!inMemory && !Path.IsPathRooted(source))
        {
            builder.DataSource = Path.GetFullPath(Path.Combine(contentRoot, source));
        }

        if (!inMemory && Path.GetDirectoryName(builder.DataSource) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }

        return builder.ToString();
    }
}
