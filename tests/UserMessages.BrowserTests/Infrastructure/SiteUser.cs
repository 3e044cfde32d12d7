namespace UserMessages.BrowserTests.Infrastructure;

/// <summary>A registered user of the sample site, who logs in through its real login page.</summary>
public sealed record SiteUser(string Id, string UserName, string Password);
