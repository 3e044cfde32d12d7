using Microsoft.Extensions.Localization;
using UserMessages.Users;

namespace UserMessages.Web.Pages;

/// <summary>The recipient field's hint, naming what the site's directory finds people by (issue 20: not every site signs in by e-mail).</summary>
internal static class RecipientHint
{
    public static string For(IStringLocalizer T, PeopleFoundBy foundBy)
    {
        var typed = new List<string>();
        if (foundBy.HasFlag(PeopleFoundBy.UserName))
        {
            typed.Add(T["a user name"]);
        }

        if (foundBy.HasFlag(PeopleFoundBy.EmailAddress))
        {
            typed.Add(T["a whole e-mail address"]);
        }

        if (foundBy.HasFlag(PeopleFoundBy.PublicName))
        {
            typed.Add(T["their name in full"]);
        }

        if (typed.Count == 0)
        {
            return T["Pick people as you type their name."];
        }

        var choices = typed.Count == 1 ? typed[0] : T["{0} or {1}", string.Join(", ", typed[..^1]), typed[^1]];
        return T["Pick people as you type their name, or type {0}; separate several with commas.", choices];
    }
}
