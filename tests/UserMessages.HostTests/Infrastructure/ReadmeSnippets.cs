using System.Text.RegularExpressions;

namespace UserMessages.HostTests.Infrastructure;

/// <summary>What a README snippet is for, as its marker says.</summary>
public enum SnippetKind
{
    /// <summary>Shell commands, run in the project's folder.</summary>
    Run,

    /// <summary>A whole file of the project.</summary>
    File,

    /// <summary>Lines put after (or before) a line of a project file.</summary>
    Insert,

    /// <summary>Lines put at the end of a project file.</summary>
    Append,

    /// <summary>Code shown for reference, compiled in the project to prove it builds.</summary>
    Compile,

    /// <summary>Commands run from the repository (the published sample).</summary>
    Published,
}

/// <summary>
/// A code block of the README and the marker before it, e.g.
/// <c>&lt;!-- snippet: insert Program.cs after "builder.Services.AddRazorPages();" --&gt;</c> or
/// <c>&lt;!-- snippet[guid]: file Data/ApplicationDbContext.cs --&gt;</c>.
/// </summary>
public sealed record ReadmeSnippet(int Line, SnippetKind Kind, string? Variant, string? Path, bool Before, string? Anchor, string Language, string Code);

/// <summary>Reads the README's marked snippets, in order.</summary>
public static partial class ReadmeSnippets
{
    public static string ReadmePath => System.IO.Path.Combine(RepositoryRoot.Path, "README.md");

    public static IReadOnlyList<ReadmeSnippet> All { get; } = Parse(File.ReadAllText(ReadmePath));

    /// <summary>Every fenced block of the README: its first line, language, and whether a snippet marker precedes it.</summary>
    public static IEnumerable<(int Line, string Language, bool Marked)> Blocks(string markdown)
    {
        foreach (Match block in Fence().Matches(markdown))
        {
            var before = markdown[..block.Index].TrimEnd();
            var previousLine = before[(before.LastIndexOf('\n') + 1)..];
            yield return (LineOf(markdown, block.Index), block.Groups["lang"].Value, Marker().IsMatch(previousLine));
        }
    }

    public static IReadOnlyList<ReadmeSnippet> Parse(string markdown)
    {
        var snippets = new List<ReadmeSnippet>();
        foreach (Match block in Fence().Matches(markdown))
        {
            var before = markdown[..block.Index].TrimEnd();
            var marker = Marker().Match(before[(before.LastIndexOf('\n') + 1)..]);
            if (!marker.Success)
            {
                continue;
            }

            var line = LineOf(markdown, block.Index);
            var words = Arguments().Match(marker.Groups["args"].Value);
            if (!words.Success)
            {
                throw new FormatException($"README line {line}: cannot read the snippet marker '{marker.Value}'.");
            }

            var kind = Enum.Parse<SnippetKind>(words.Groups["kind"].Value, ignoreCase: true);
            var variant = marker.Groups["variant"].Success ? marker.Groups["variant"].Value : null;
            var path = words.Groups["path"].Success ? words.Groups["path"].Value : null;
            var anchor = words.Groups["anchor"].Success ? words.Groups["anchor"].Value : null;
            var code = Dedent(block.Groups["code"].Value, block.Groups["indent"].Value.Length);
            snippets.Add(new ReadmeSnippet(line, kind, variant, path, words.Groups["where"].Value == "before", anchor, block.Groups["lang"].Value, code));
        }

        return snippets;
    }

    private static int LineOf(string text, int index) => text.AsSpan(0, index).Count('\n') + 1;

    private static string Dedent(string code, int indent)
        => string.Join('\n', code.Split('\n').Select(l => l.Length >= indent && string.IsNullOrWhiteSpace(l[..indent]) ? l[indent..] : l.TrimStart()));

    [GeneratedRegex(@"^(?<indent> *)```(?<lang>\w*)\n(?<code>.*?)^\k<indent>```", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex Fence();

    [GeneratedRegex(@"^\s*<!-- snippet(\[(?<variant>\w+)\])?: (?<args>.*) -->\s*$")]
    private static partial Regex Marker();

    [GeneratedRegex(@"^(?<kind>run|file|insert|append|compile|published)(\s+(?<path>[^\s""]+))?(\s+(?<where>after|before)\s+""(?<anchor>.*)"")?$")]
    private static partial Regex Arguments();
}
