using System.Text.RegularExpressions;

namespace UserMessages.HostTests.Infrastructure;

/// <summary>
/// A site made by a .NET template (<c>dotnet new webapp --auth Individual -o MyApp</c>) in a
/// throw-away folder, to which the README's steps are applied as a user would apply them.
/// </summary>
public sealed partial class TemplateSite
{
    public const string ProjectName = "MyApp";

    private readonly string tools;

    private TemplateSite(string folder)
    {
        Folder = folder;
        tools = Path.Combine(Path.GetDirectoryName(folder)!, "tools");
    }

    /// <summary>The project's folder.</summary>
    public string Folder { get; }

    /// <summary>What the README's commands and the builds printed, for failure messages.</summary>
    public List<string> Log { get; } = [];

    /// <summary>
    /// The environment a site and its commands run in: the EF Core tool on the PATH, Development, and
    /// no culture (as on a server without a locale), so the package's own fallback is what shows.
    /// </summary>
    public IReadOnlyDictionary<string, string?> Environment => new Dictionary<string, string?>
    {
        ["PATH"] = tools + Path.PathSeparator + System.Environment.GetEnvironmentVariable("PATH"),
        ["ASPNETCORE_ENVIRONMENT"] = "Development",
        ["LANG"] = null,
        ["LC_ALL"] = null,
        ["LANGUAGE"] = null,
    };

    /// <summary>Runs <c>dotnet new <paramref name="template"/></c> in a folder of <paramref name="feed"/>'s work folder named <paramref name="name"/>.</summary>
    public static async Task<TemplateSite> CreateAsync(PackageFeed feed, string name, string template)
    {
        var parent = Path.Combine(feed.WorkFolder, name);
        Directory.CreateDirectory(parent);
        var site = new TemplateSite(Path.Combine(parent, ProjectName));
        site.Log.Add(await Command.RunAsync($"dotnet new {template} -o {ProjectName}", parent));
        return site;
    }

    /// <summary>
    /// The README's steps for this kind of site, in order: the shared ones, a step of the variant's
    /// (<c>snippet[guid]</c>) taking the place of the shared step for the same file.
    /// </summary>
    public static IReadOnlyList<ReadmeSnippet> StepsFor(string? variant)
    {
        var steps = ReadmeSnippets.All.Where(s => s.Kind is not (SnippetKind.Compile or SnippetKind.Published)).ToList();
        return steps
            .Where(s => s.Variant is null)
            .Select(s => steps.FirstOrDefault(v => variant is not null && v.Variant == variant && v.Kind == s.Kind && v.Path == s.Path) ?? s)
            .ToList();
    }

    /// <summary>
    /// The README's steps for a kind of site with files of its own (<c>snippet[blazor]</c>): the shared
    /// commands that install the package (unless the kind installs its own), the kind's own steps in order, then the migration.
    /// </summary>
    public static IReadOnlyList<ReadmeSnippet> StepsOfItsOwn(string kind)
    {
        var shared = ReadmeSnippets.All.Where(s => s.Variant is null && s.Kind == SnippetKind.Run).ToList();
        var own = ReadmeSnippets.All.Where(s => s.Variant == kind && s.Kind is not (SnippetKind.Compile or SnippetKind.Published)).ToList();
        Assert.NotEmpty(own);
        var install = own.Any(IsInstall) ? [] : shared.Where(s => !IsMigration(s));
        return [.. install, .. own, .. shared.Where(IsMigration)];
    }

    /// <summary>Whether <paramref name="step"/> is one that adds the package to the project.</summary>
    public static bool IsInstall(ReadmeSnippet step) => step.Kind == SnippetKind.Run && step.Code.Contains("dotnet add package ", StringComparison.Ordinal);

    /// <summary>Whether <paramref name="step"/> is the one that creates and applies the migration.</summary>
    public static bool IsMigration(ReadmeSnippet step) => step.Kind == SnippetKind.Run && step.Code.Contains("dotnet ef ", StringComparison.Ordinal);

    /// <summary>Applies one README step to the project.</summary>
    public async Task ApplyAsync(ReadmeSnippet step)
    {
        switch (step.Kind)
        {
            case SnippetKind.Run:
                await RunCommandsAsync(step.Code);
                break;
            case SnippetKind.File:
                Directory.CreateDirectory(Path.GetDirectoryName(PathOf(step))!);
                await File.WriteAllTextAsync(PathOf(step), step.Code);
                break;
            case SnippetKind.Append:
                await File.AppendAllTextAsync(PathOf(step), "\n" + step.Code);
                break;
            case SnippetKind.Insert:
                await InsertAsync(step);
                break;
            default:
                throw new InvalidOperationException($"README line {step.Line}: a {step.Kind} snippet is not a step.");
        }
    }

    /// <summary>Adds the README's reference snippets to the project, so that its build proves they compile as written.</summary>
    public async Task AddCompileChecksAsync(IEnumerable<ReadmeSnippet> snippets)
    {
        var folder = Path.Combine(Folder, "ReadmeSnippets");
        Directory.CreateDirectory(folder);
        foreach (var snippet in snippets)
        {
            var name = $"Line{snippet.Line}";
            if (snippet.Language == "cshtml")
            {
                await File.WriteAllTextAsync(Path.Combine(Folder, "Pages", "Shared", $"_Readme{name}.cshtml"), snippet.Code);
            }
            else if (TypeDeclaration().IsMatch(snippet.Code))
            {
                await File.WriteAllTextAsync(Path.Combine(folder, name + ".cs"), snippet.Code);
            }
            else
            {
                // Statements, as they would sit in Program.cs: its usings, the snippet's own on top, the template's `builder` and `app`.
                var lines = snippet.Code.Split('\n');
                var usings = lines.TakeWhile(l => l.StartsWith("using ", StringComparison.Ordinal) || l.Length == 0).ToList();
                await File.WriteAllTextAsync(Path.Combine(folder, name + ".cs"), $$"""
                    using Microsoft.AspNetCore.Identity;
                    using Microsoft.EntityFrameworkCore;
                    using {{ProjectName}}.Data;
                    {{string.Join('\n', usings)}}

                    internal static class Readme{{name}}
                    {
                        internal static void Run(WebApplicationBuilder builder, WebApplication app)
                        {
                    {{string.Join('\n', lines.Skip(usings.Count))}}
                        }
                    }
                    """);
            }
        }
    }

    /// <summary>Runs shell commands in the project's folder, a global tool install going to a folder of this test's instead.</summary>
    public async Task RunCommandsAsync(string commands)
    {
        foreach (var line in CommandLines(commands))
        {
            var command = line.Replace("dotnet tool install --global", $"dotnet tool install --tool-path \"{tools}\"", StringComparison.Ordinal);
            Log.Add($"$ {command}");
            Log.Add(await Command.RunAsync(command, Folder, Environment));
        }
    }

    public async Task BuildAsync() => Log.Add(await Command.RunAsync("dotnet build", Folder, Environment));

    /// <summary>Starts the built site from its folder, as <c>dotnet run</c> would.</summary>
    public Task<RunningSite> StartAsync()
        => RunningSite.StartAsync(Path.Combine("bin", "Debug", "net10.0", ProjectName + ".dll"), Folder, Environment);

    /// <summary>Changes a file of the project as its developer would, failing when <paramref name="find"/> is not in it.</summary>
    public async Task EditAsync(string path, string find, string replace)
    {
        var file = Path.Combine(Folder, path);
        var text = await File.ReadAllTextAsync(file);
        Assert.True(text.Contains(find, StringComparison.Ordinal), $"{path} has no '{find}':\n{text}");
        await File.WriteAllTextAsync(file, text.Replace(find, replace, StringComparison.Ordinal));
    }

    /// <summary>The README's commands one by one: comments dropped, lines ending in a backslash joined.</summary>
    public static IEnumerable<string> CommandLines(string commands)
        => commands.Replace("\\\n", " ", StringComparison.Ordinal).Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'));

    private string PathOf(ReadmeSnippet step) => Path.Combine(Folder, step.Path ?? throw new InvalidOperationException($"README line {step.Line}: the snippet names no file."));

    private async Task InsertAsync(ReadmeSnippet step)
    {
        var file = PathOf(step);
        var lines = (await File.ReadAllTextAsync(file)).Split('\n').ToList();
        var at = lines.FindIndex(l => l.Trim() == step.Anchor);
        Assert.True(at >= 0, $"README line {step.Line}: {step.Path} of the template has no line \"{step.Anchor}\".");
        lines.InsertRange(step.Before ? at : at + 1, step.Code.TrimEnd('\n').Split('\n'));
        await File.WriteAllTextAsync(file, string.Join('\n', lines));
    }

    [GeneratedRegex(@"^\s*(public|internal)?\s*(sealed\s+|static\s+|abstract\s+)*(class|record|interface)\s", RegexOptions.Multiline)]
    private static partial Regex TypeDeclaration();
}
