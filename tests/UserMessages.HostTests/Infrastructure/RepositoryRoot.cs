namespace UserMessages.HostTests.Infrastructure;

/// <summary>The repository's folder: the one holding UserMessages.sln, above the test's output.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(folder.FullName, "UserMessages.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("No UserMessages.sln above " + AppContext.BaseDirectory);
    }
}
