namespace UserMessages.Tests.Infrastructure;

/// <summary>The checkout the tests run from, for tests that read the repository's own files.</summary>
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

        throw new InvalidOperationException("UserMessages.sln not found above " + AppContext.BaseDirectory);
    }
}
