using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using UserMessages.Services;
using UserMessages.Users;
using UserMessages.ViewModels;
using UserMessages.Web;

namespace UserMessages.Endpoints;

/// <summary>The compose form: empty, addressed to one user, and its submission.</summary>
internal static class ComposePages
{
    private static readonly char[] RecipientSeparators = [',', ';', '\n', '\r'];

    public static IResult Show(IOptions<UserMessagesOptions> options)
        => View(new ComposeForm { MaxContentLength = options.Value.MaxContentLength }, StatusCodes.Status200OK);

    public static async Task<IResult> ShowTo(HttpContext http, IUserDirectory directory, IOptions<UserMessagesOptions> options, string userId)
    {
        // An unknown id simply leaves the field empty: the page never says whether an account exists.
        var users = await directory.FindByIdsAsync([userId], http.RequestAborted);
        var to = users.TryGetValue(userId, out var user) ? user.UserName : string.Empty;
        return View(new ComposeForm { To = to, MaxContentLength = options.Value.MaxContentLength }, StatusCodes.Status200OK);
    }

    public static async Task<IResult> Send(
        HttpContext http,
        IUserMessagesService messages,
        IUserDirectory directory,
        MessageInputValidator validator,
        UserMessagesErrorDescriber describer,
        IOptions<UserMessagesOptions> options,
        UserMessagesLinks links)
    {
        var (form, refusal) = await FormPost.ReadAsync(http);
        if (refusal is not null)
        {
            return refusal;
        }

        if (PageRequests.CurrentUserId(http) is not { } userId)
        {
            return Results.Challenge();
        }

        var compose = new ComposeForm
        {
            To = form!["To"].ToString(),
            Subject = form["Subject"].ToString(),
            Content = form["Content"].ToString(),
            MaxContentLength = options.Value.MaxContentLength,
        };

        // Check everything first so the form comes back with every problem at once.
        var errors = new List<MessagingError>();
        validator.CheckSubject(compose.Subject, errors);
        validator.CheckContent(compose.Content, errors);
        var names = compose.To.Split(RecipientSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        var found = new Dictionary<string, MessagingUser>(StringComparer.Ordinal);
        if (names.Count == 0)
        {
            errors.Add(describer.RecipientsRequired());
        }
        else if (names.Count > options.Value.MaxRecipients + 1)
        {
            errors.Add(describer.TooManyRecipients(options.Value.MaxRecipients));
        }
        else
        {
            found = (await directory.FindByNamesAsync(names, http.RequestAborted)).ToDictionary(StringComparer.Ordinal);
            errors.AddRange(names.Where(n => !found.ContainsKey(n)).Select(describer.RecipientUnavailable));
        }

        if (errors.Count == 0)
        {
            var request = new NewThreadRequest(userId, found.Values.Select(u => u.Id).ToList(), compose.Subject, compose.Content);
            var result = await messages.StartThreadAsync(request, http.RequestAborted);
            if (result.Succeeded)
            {
                return Results.Redirect(links.Thread(http, result.Value!.ThreadId));
            }

            // The service names refused recipients by id: name them back as the sender typed them.
            var typedNames = found.GroupBy(f => f.Value.Id).ToDictionary(g => g.Key, g => g.First().Key, StringComparer.Ordinal);
            errors.AddRange(result.Errors.Select(e =>
                e.Recipient is { } id && typedNames.TryGetValue(id, out var typed) ? describer.RecipientUnavailable(typed) : e));
        }

        foreach (var error in errors)
        {
            compose.Errors.Add(error.Field == "Recipients" ? "To" : error.Field ?? "To", error.Description);
        }

        return View(compose, StatusCodes.Status400BadRequest);
    }

    private static PageResult View(ComposeForm form, int statusCode)
        => new(ViewPaths.Create, new ComposeViewModel(form), statusCode);
}
