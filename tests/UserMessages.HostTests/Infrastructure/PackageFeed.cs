using System.Text.RegularExpressions;

namespace UserMessages.HostTests.Infrastructure;

/// <summary>
/// The package as a user gets it: packed once per test run into a folder feed, next to the public
/// feed, in a throw-away folder that also holds the hosts made from the .NET templates.
/// </summary>
public sealed partial class PackageFeed : IAsyncLifetime
{
    public string WorkFolder { get; } = Directory.CreateTempSubdirectory("usermessages-hosts-").FullName;

    public string FeedFolder => Path.Combine(WorkFolder, "feed");

    /// <summary>The version in Directory.Build.props, the one <c>dotnet add package UserMessages</c> picks.</summary>
    public string Version { get; } = VersionElement().Match(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "Directory.Build.props"))).Groups[1].Value;

    /// <summary>The NuGet packages folder's copy of this version, which would hide a freshly packed one.</summary>
    private string CachedCopy => Path.Combine(
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages"),
        "usermessages",
        Version);

    public async Task InitializeAsync()
    {
        DeleteCachedCopy();
        await Command.RunAsync($"dotnet pack src/UserMessages -c Release -o \"{FeedFolder}\"", RepositoryRoot.Path);
        await File.WriteAllTextAsync(Path.Combine(WorkFolder, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="usermessages" value="{FeedFolder}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
            </configuration>
            """);
    }

    public Task DisposeAsync()
    {
        DeleteCachedCopy();
        Directory.Delete(WorkFolder, recursive: true);
        return Task.CompletedTask;
    }

    private void DeleteCachedCopy()
    {
        if (Directory.Exists(CachedCopy))
        {
            Directory.Delete(CachedCopy, recursive: true);
        }
    }

    [GeneratedRegex("<Version>([^<]+)</Version>")]
    private static partial Regex VersionElement();
}

/// <summary>The tests that pack the package and build hosts: one at a time, sharing one packed package.</summary>
[CollectionDefinition(Name)]
public sealed class HostsCollection : ICollectionFixture<PackageFeed>
{
    public const string Name = "Hosts";
}
