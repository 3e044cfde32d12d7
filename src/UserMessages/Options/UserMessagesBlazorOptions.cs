namespace UserMessages;

/// <summary>How the pages render in a Blazor Web App (a host that maps Razor components and has no MVC or Razor Pages layout).</summary>
public class UserMessagesBlazorOptions
{
    /// <summary>
    /// The root component whose document the pages render in (the template's <c>App</c>); when
    /// <see langword="null"/>, the one <c>MapRazorComponents&lt;App&gt;()</c> mapped, if any.
    /// </summary>
    public Type? RootComponent { get; set; }

    /// <summary>
    /// The layout component the pages render in; when <see langword="null"/>, the router's default
    /// layout (the template's <c>MainLayout</c>, named in <c>Routes.razor</c>).
    /// </summary>
    public Type? Layout { get; set; }
}
