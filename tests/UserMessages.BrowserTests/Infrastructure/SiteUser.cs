namespace UserMessages.BrowserTests.Infrastructure;

/// <summary>A registered user of the sample site, who logs in through its real login page.</summary>
public sealed record SiteUser(string Id, string UserName, string Password)
{
    /// <summary>The part of the name before the "@": what someone types to be offered this user, and only this user.</summary>
    public string Typed => UserName.Split('@')[0];

    /// <summary>The public name the pages show (a claim the sample's registration stores): "Bob003" for bob003@example.com.</summary>
    public string DisplayName => char.ToUpperInvariant(Typed[0]) + Typed[1..];
}
