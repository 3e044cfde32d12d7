using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.Extensions.Options;

namespace UserMessages.Web;

/// <summary>
/// Chooses the layout the bundled pages render in: the configured one, else the host's usual one, else,
/// in a Blazor Web App, the page alone (Blazor renders the host's components around it), else the package's own.
/// </summary>
internal sealed class UserMessagesLayout(IOptions<UserMessagesOptions> options, IRazorViewEngine viewEngine, UserMessagesComponentRoot componentRoot)
{
    internal const string Fallback = "/Areas/UserMessages/Views/Shared/_UserMessagesLayout.cshtml";

    internal const string InsideComponents = "/Areas/UserMessages/Views/Shared/_UserMessagesComponentLayout.cshtml";

    private static readonly string[] HostLayouts = ["/Views/Shared/_Layout.cshtml", "/Pages/Shared/_Layout.cshtml"];
    private string? resolved;

    public string Path => resolved ??= options.Value.Layout
        ?? HostLayouts.FirstOrDefault(path => viewEngine.GetView(executingFilePath: null, path, isMainPage: false).Success)
        ?? (componentRoot.Type is null ? Fallback : InsideComponents);

    /// <summary>The Blazor root component the pages render in, or null when they render in a Razor layout.</summary>
    public Type? RootComponent => Path == InsideComponents ? componentRoot.Type : null;
}
