using System.Reflection;
using System.Text;
using UserMessages.Services;
using UserMessages.Storage;

using UserMessages.Tests.Infrastructure;

namespace UserMessages.Tests.PublicApi;

/// <summary>
/// The packages' public surface is deliberate: every public or protected member is listed in
/// src/UserMessages/PublicAPI.txt and src/UserMessages.Identity/PublicAPI.txt, so a change to it shows in
/// review. After an intended change, run the tests once with USERMESSAGES_UPDATE_PUBLIC_API=1 and commit the new files.
/// </summary>
public sealed class PublicApiTests
{
    [Theory]
    [InlineData("UserMessages")]
    [InlineData("UserMessages.Identity")]
    public void PublicApi_MatchesTheApprovedListing(string package)
    {
        var assembly = package == "UserMessages" ? typeof(IUserMessagesService).Assembly : typeof(UserMessagesIdentityDbContext).Assembly;
        Assert.Equal(package, assembly.GetName().Name);
        var actual = Describe(assembly);
        var path = Path.Combine(RepositoryRoot.Path, "src", package, "PublicAPI.txt");
        if (Environment.GetEnvironmentVariable("USERMESSAGES_UPDATE_PUBLIC_API") == "1")
        {
            File.WriteAllText(path, actual);
        }

        var approved = File.Exists(path) ? File.ReadAllText(path).ReplaceLineEndings("\n") : string.Empty;
        var added = actual.Split('\n').Except(approved.Split('\n')).ToList();
        var removed = approved.Split('\n').Except(actual.Split('\n')).ToList();
        Assert.True(
            added.Count == 0 && removed.Count == 0,
            $"The public API of {package} changed. Added:\n  {string.Join("\n  ", added)}\nRemoved:\n  {string.Join("\n  ", removed)}\n"
            + $"If intended, run the tests with USERMESSAGES_UPDATE_PUBLIC_API=1 and commit src/{package}/PublicAPI.txt.");
    }

    private static string Describe(Assembly assembly)
    {
        const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var text = new StringBuilder();
        foreach (var type in assembly.GetExportedTypes().Where(t => !IsCompilerGenerated(t)).OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            text.Append(Kind(type)).Append(' ').Append(type.FullName);
            if (type.BaseType is { } baseType && baseType != typeof(object) && baseType != typeof(ValueType) && baseType != typeof(Enum))
            {
                text.Append(" : ").Append(baseType);
            }

            text.Append('\n');
            var members = type.GetMembers(Declared)
                .Where(IsVisible)
                .Where(m => m is not MethodInfo { IsSpecialName: true })
                .Select(m => $"  {m.MemberType} {m}")
                .Order(StringComparer.Ordinal);
            foreach (var member in members)
            {
                text.Append(member).Append('\n');
            }
        }

        return text.ToString();
    }

    private static bool IsCompilerGenerated(Type type) => type.Name.Contains('<', StringComparison.Ordinal);

    private static string Kind(Type type) => type switch
    {
        { IsInterface: true } => "interface",
        { IsEnum: true } => "enum",
        { IsValueType: true } => "struct",
        { IsAbstract: true, IsSealed: true } => "static class",
        { IsAbstract: true } => "abstract class",
        { IsSealed: true } => "sealed class",
        _ => "class",
    };

    private static bool IsVisible(MemberInfo member) => member switch
    {
        MethodBase m => m.IsPublic || m.IsFamily || m.IsFamilyOrAssembly,
        FieldInfo f => f.IsPublic || f.IsFamily || f.IsFamilyOrAssembly,
        PropertyInfo p => p.GetAccessors(nonPublic: true).Any(a => a.IsPublic || a.IsFamily || a.IsFamilyOrAssembly),
        EventInfo e => e.AddMethod is { } add && (add.IsPublic || add.IsFamily),
        Type t => t.IsNestedPublic || t.IsNestedFamily,
        _ => false,
    };
}
