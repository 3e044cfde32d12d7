using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using UserMessages.Domain;
using UserMessages.Services;
using UserMessages.Users;
using UserMessages.ViewModels;
using UserMessages.Web;

namespace UserMessages.Web.Pages;

/// <summary>The compose form: empty, addressed to one user, and its submission.</summary>
internal static class ComposePages
{
    public static IResult Show(IUserDirectory directory, IStringLocalizer<UserMessagesResources> T, IOptions<UserMessagesOptions> options)
        => View(new ComposeForm { MaxContentLength = options.Value.MaxContentLength }, directory, T, StatusCodes.Status200OK);

    public static async Task<IResult> ShowTo(
        HttpContext http, IUserDirectory directory, IStringLocalizer<UserMessagesResources> T, IOptions<UserMessagesOptions> options, string userId)
    {
        // The person comes as chosen, by their public name (never their sign-in name or address); an unknown id
        // simply leaves the form empty: the page never says whether an account exists.
        var users = await directory.FindByIdsAsGivenAsync([userId], http.RequestAborted);
        var form = new ComposeForm { MaxContentLength = options.Value.MaxContentLength };
        if (users.TryGetValue(userId, out var user))
        {
            form.Chosen.Add(user);
        }

        return View(form, directory, T, StatusCodes.Status200OK);
    }

    public static async Task<IResult> Send(
        HttpContext http,
        IUserMessagesService messages,
        IUserDirectory directory,
        IStringLocalizer<UserMessagesResources> T,
        MessageInputValidator validator,
        UserMessagesErrorDescriber describer,
        IOptions<UserMessagesOptions> options,
        UserMessagesLinks links)
    {
        var (post, refusal) = await SignedInForm.ReadAsync(http, withFiles: true);
        if (post is not { } signedIn)
        {
            return refusal!;
        }

        var (form, userId) = signedIn;

        var compose = new ComposeForm
        {
            To = form["To"].ToString(),
            Subject = form["Subject"].ToString(),
            Content = form["Content"].ToString(),
            MaxContentLength = options.Value.MaxContentLength,
        };

        var (files, fileErrors) = await FormAttachments.ReadAsync(http, form, messages, userId);
        foreach (var file in files)
        {
            compose.Attachments.Add(file);
        }

        if (form.ContainsKey("Preview"))
        {
            // The Preview button: the form comes back with the message as it will be shown and the files kept, nothing sent.
            var chosen = await RecipientNames.ResolveAsync(compose.To, form["ToId"].OfType<string>().ToList(), directory, describer, options.Value.MaxRecipients, http.RequestAborted);
            foreach (var person in chosen.Chosen)
            {
                compose.Chosen.Add(person);
            }

            compose.PreviewHtml = fileErrors.Count == 0 ? MessageMarkdown.Preview(compose.Content, options.Value.Formatting) : null;
            foreach (var error in fileErrors)
            {
                compose.Errors.Add("Files", error.Description);
            }

            return View(compose, directory, T, fileErrors.Count == 0 ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
        }

        // Check everything first so the form comes back with every problem at once.
        var errors = new List<MessagingError>(fileErrors);
        validator.CheckSubject(compose.Subject, errors);
        validator.CheckContent(compose.Content, errors);
        var recipients = await RecipientNames.ResolveAsync(compose.To, form["ToId"].OfType<string>().ToList(), directory, describer, options.Value.MaxRecipients, http.RequestAborted);
        errors.AddRange(recipients.Errors);
        foreach (var person in recipients.Chosen)
        {
            compose.Chosen.Add(person);
        }

        var status = StatusCodes.Status400BadRequest;
        TimeSpan? retryAfter = null;
        if (errors.Count == 0)
        {
            var request = new NewThreadRequest(userId, recipients.UserIds, compose.Subject, compose.Content) { AttachmentIds = [.. files.Select(f => f.Id)] };
            var result = await messages.StartThreadAsync(request, http.RequestAborted);
            if (result.Succeeded)
            {
                // A message held for review waits, visible to its sender alone, at the top of their Sent folder.
                return Results.Redirect(result.Value!.IsHeld ? links.Folder(http, MailboxFolder.Sent) + "#um-awaiting-review" : links.Thread(http, result.Value.ThreadId));
            }

            errors.AddRange(recipients.NameRefusals(result.Errors, describer));
            status = PageResult.StatusFor(result);
            retryAfter = result.RetryAfter;
        }

        foreach (var error in errors)
        {
            compose.Errors.Add(error.Field is null or "Recipients" ? "To" : error.Field, error.Description);
        }

        return View(compose, directory, T, status, retryAfter);
    }

    private static PageResult View(ComposeForm form, IUserDirectory directory, IStringLocalizer T, int statusCode, TimeSpan? retryAfter = null)
    {
        form.ToHint = RecipientHint.For(T, directory.FindsPeopleBy);
        return new(ViewPaths.Create, new ComposeViewModel(form), statusCode) { RetryAfter = retryAfter };
    }
}
