using System.Text.RegularExpressions;
using UserMessages.Tests.Infrastructure;

namespace UserMessages.Tests.Architecture;

/// <summary>
/// Issue 19: the package's namespaces depend on each other in one direction only (docs/architecture.md),
/// read from its sources: a file depends on the namespace of every type of the package it names,
/// through a using directive, its own namespace's parents, or a qualified name.
/// </summary>
public sealed partial class NamespaceCycleTests
{
    private static readonly string Source = Path.Combine(RepositoryRoot.Path, "src", "UserMessages");

    [Fact]
    public void PackageNamespaces_HaveNoCycles()
    {
        var cycles = StronglyConnected(Dependencies()).Where(c => c.Count > 1).Select(c => string.Join(" <-> ", c.Order(StringComparer.Ordinal))).ToList();

        Assert.True(cycles.Count == 0, "Namespaces that depend on each other: " + string.Join("; ", cycles));
    }

    [Fact]
    public void TheReader_SeesACycleWhereThereIsOne()
    {
        var graph = new Dictionary<string, HashSet<string>>
        {
            ["A"] = ["B"],
            ["B"] = ["C"],
            ["C"] = ["A"],
            ["D"] = ["A"],
        };

        Assert.Equal(["A", "B", "C"], Assert.Single(StronglyConnected(graph), c => c.Count > 1).Order(StringComparer.Ordinal));
        Assert.Contains("UserMessages.Web.Pages", Dependencies().Keys);
    }

    /// <summary>Each namespace of the package and the package namespaces its files name types of.</summary>
    private static Dictionary<string, HashSet<string>> Dependencies()
    {
        var files = Directory.EnumerateFiles(Source, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.ReadAllText)
            .Select(text => (Text: text, Namespace: NamespaceDeclaration().Match(text)))
            .Where(f => f.Namespace.Success)
            .ToList();
        var declaredIn = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var (text, ns) in files)
        {
            foreach (Match type in TypeDeclaration().Matches(text))
            {
                declaredIn.TryAdd(type.Groups[1].Value, []);
                declaredIn[type.Groups[1].Value].Add(ns.Groups[1].Value);
            }
        }

        var graph = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var (text, match) in files)
        {
            var ns = match.Groups[1].Value;
            var visible = UsingDirective().Matches(text).Select(u => u.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
            var parts = ns.Split('.');
            visible.UnionWith(Enumerable.Range(1, parts.Length).Select(n => string.Join('.', parts.Take(n))));
            var body = text[(match.Index + match.Length)..];
            var edges = graph.TryGetValue(ns, out var known) ? known : graph[ns] = [];
            foreach (var name in Word().Matches(body).Select(w => w.Value).Distinct(StringComparer.Ordinal))
            {
                foreach (var other in declaredIn.GetValueOrDefault(name, []).Where(o => o != ns))
                {
                    if (visible.Contains(other) || body.Contains($"{other}.{name}", StringComparison.Ordinal))
                    {
                        edges.Add(other);
                    }
                }
            }
        }

        return graph;
    }

    /// <summary>Tarjan's strongly connected components: a component of more than one namespace is a cycle.</summary>
    private static List<List<string>> StronglyConnected(Dictionary<string, HashSet<string>> graph)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var components = new List<List<string>>();

        void Visit(string node)
        {
            index[node] = low[node] = index.Count;
            stack.Push(node);
            foreach (var next in graph.GetValueOrDefault(node, []))
            {
                if (!index.ContainsKey(next))
                {
                    Visit(next);
                    low[node] = Math.Min(low[node], low[next]);
                }
                else if (stack.Contains(next))
                {
                    low[node] = Math.Min(low[node], index[next]);
                }
            }

            if (low[node] == index[node])
            {
                var component = new List<string>();
                string popped;
                do
                {
                    popped = stack.Pop();
                    component.Add(popped);
                }
                while (popped != node);
                components.Add(component);
            }
        }

        foreach (var node in graph.Keys.Where(n => !index.ContainsKey(n)).ToList())
        {
            Visit(node);
        }

        return components;
    }

    [GeneratedRegex(@"^namespace ([\w.]+);", RegexOptions.Multiline)]
    private static partial Regex NamespaceDeclaration();

    [GeneratedRegex(@"\b(?:class|record|interface|enum|struct)\s+(\w+)")]
    private static partial Regex TypeDeclaration();

    [GeneratedRegex(@"^using ([\w.]+);", RegexOptions.Multiline)]
    private static partial Regex UsingDirective();

    [GeneratedRegex(@"\b[A-Z]\w*\b")]
    private static partial Regex Word();
}
