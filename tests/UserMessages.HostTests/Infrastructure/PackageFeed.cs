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

    /// <summary>The packages: the core one, and the one for sites with Identity on EF Core.</summary>
    private static readonly string[] Packages = ["UserMessages", "UserMessages.Identity"];

    /// <summary>The NuGet packages folder's copies of this version, which would hide freshly packed ones.</summary>
    private IEnumerable<string> CachedCopies => Packages.Select(package => Path.Combine(
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages"),
        package.ToLowerInvariant(),
        Version));

    public async Task InitializeAsync()
    {
        DeleteCachedCopies();
        foreach (var package in Packages)
        {
            await Command.RunAsync($"dotnet pack src/{package} -c Release -o \"{FeedFolder}\"", RepositoryRoot.Path);
        }

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
        DeleteCachedCopies();
        Directory.Delete(WorkFolder, recursive: true);
        return Task.CompletedTask;
    }

    private void DeleteCachedCopies()
    {
        foreach (var copy in CachedCopies.Where(Directory.Exists))
        {
            Directory.Delete(copy, recursive: true);
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
