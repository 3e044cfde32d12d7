using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.Extensions.Options;

namespace UserMessages.Web;

/// <summary>Chooses the layout the bundled pages render in: the configured one, else the host's usual one, else the package's own.</summary>
internal sealed class UserMessagesLayout(IOptions<UserMessagesOptions> options, IRazorViewEngine viewEngine)
{
    internal const string Fallback = "/Areas/UserMessages/Views/Shared/_UserMessagesLayout.cshtml";

    private static readonly string[] HostLayouts = ["/Views/Shared/_Layout.cshtml", "/Pages/Shared/_Layout.cshtml"];
    private string? resolved;

    public string Path => resolved ??= options.Value.Layout
        ?? HostLayouts.FirstOrDefault(path => viewEngine.GetView(executingFilePath: null, path, isMainPage: false).Success)
        ?? Fallback;
}
