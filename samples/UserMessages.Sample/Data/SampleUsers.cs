using System.Security.Claims;
using Microsoft.AspNetCore.Identity;

namespace UserMessages.Sample.Data;

/// <summary>The sample's people: each has a public name, stored as a user claim, which the messaging pages show instead of their e-mail address.</summary>
public static class SampleUsers
{
    /// <summary>The claim holding a person's public name (see <c>AddIdentityUserDirectory</c> in Program.cs).</summary>
    public const string DisplayNameClaim = "display_name";

    /// <summary>Creates a user with a public name; returns Identity's result.</summary>
    public static async Task<IdentityResult> CreateAsync(UserManager<IdentityUser> users, IdentityUser user, string displayName, string password)
    {
        var created = await users.CreateAsync(user, password);
        return created.Succeeded ? await users.AddClaimAsync(user, new Claim(DisplayNameClaim, displayName.Trim())) : created;
    }
}
