using Microsoft.AspNetCore.Http;

namespace UserMessages.Web.Pages;

/// <summary>A checked POST of a page form: a valid, size-limited form with its antiforgery token, from a signed-in user.</summary>
internal readonly record struct SignedInForm(IFormCollection Form, string UserId)
{
    public static async Task<(SignedInForm? Post, IResult? Refusal)> ReadAsync(HttpContext http, bool withFiles = false)
    {
        var (form, refusal) = await FormPost.ReadAsync(http, withFiles);
        if (refusal is not null)
        {
            return (null, refusal);
        }

        return PageRequests.CurrentUserId(http) is { } userId
            ? (new SignedInForm(form!, userId), null)
            : (null, Results.Challenge());
    }
}
