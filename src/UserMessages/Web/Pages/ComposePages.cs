using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using UserMessages.About;
using UserMessages.Domain;
using UserMessages.Services;
using UserMessages.Users;
using UserMessages.ViewModels;
using UserMessages.Web;

namespace UserMessages.Web.Pages;

/// <summary>The compose form: empty, addressed to one user, about something of the site's, and its submission.</summary>
internal static class ComposePages
{
    public static async Task<IResult> Show(
        HttpContext http, IUserDirectory directory, AboutCards about, UserMessagesErrorDescriber describer, IStringLocalizer<UserMessagesResources> T,
        IOptions<UserMessagesOptions> options, [FromQuery(Name = "about")] string? aboutText)
    {
        var form = new ComposeForm { MaxContentLength = options.Value.MaxContentLength };
        var status = await WithAboutAsync(http, form, aboutText, [], about, describer);
        return View(form, directory, T, status);
    }

    public static async Task<IResult> ShowTo(
        HttpContext http, IUserDirectory directory, AboutCards about, UserMessagesErrorDescriber describer, IStringLocalizer<UserMessagesResources> T,
        IOptions<UserMessagesOptions> options, string userId, [FromQuery(Name = "about")] string? aboutText)
    {
        // The person comes as chosen, by their public name (never their sign-in name or address); an unknown id
        // simply leaves the form empty: the page never says whether an account exists.
        var users = await directory.FindByIdsAsGivenAsync([userId], http.RequestAborted);
        var form = new ComposeForm { MaxContentLength = options.Value.MaxContentLength };
        if (users.TryGetValue(userId, out var user))
        {
            form.Chosen.Add(user);
        }

        var status = await WithAboutAsync(http, form, aboutText, [.. form.Chosen.Select(p => p.Id)], about, describer);
        return View(form, directory, T, status);
    }

    /// <summary>
    /// The form opened about something (<c>?about=listing:123</c>): its card when the signed-in user may start a conversation about it,
    /// else the error an unknown recipient gets (400) and a form about nothing. Returns the page's status.
    /// </summary>
    private static async Task<int> WithAboutAsync(
        HttpContext http, ComposeForm form, string? text, IReadOnlyCollection<string> recipients, AboutCards about, UserMessagesErrorDescriber describer)
    {
        if (string.IsNullOrEmpty(text))
        {
            return StatusCodes.Status200OK;
        }

        if (PageRequests.CurrentUserId(http) is { } userId && AboutReference.TryParse(text, out var reference)
            && await about.ForStartAsync(userId, reference, recipients, http.RequestAborted) is { } card)
        {
            (form.About, form.AboutCard) = (reference.ToString(), card);
            return StatusCodes.Status200OK;
        }

        form.Errors.Add("About", describer.UnknownAbout().Description);
        return StatusCodes.Status400BadRequest;
    }

    public static async Task<IResult> Send(
        HttpContext http,
        IUserMessagesService messages,
        IUserDirectory directory,
        IStringLocalizer<UserMessagesResources> T,
        MessageInputValidator validator,
        UserMessagesErrorDescriber describer,
        AboutCards about,
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

        var recipients = await RecipientNames.ResolveAsync(compose.To, form["ToId"].OfType<string>().ToList(), directory, describer, options.Value.MaxRecipients, http.RequestAborted);
        foreach (var person in recipients.Chosen)
        {
            compose.Chosen.Add(person);
        }

        // What it is about comes back in a hidden field; the service decides whether the sender may use it with these people.
        var aboutText = form["About"].ToString();
        AboutReference.TryParse(aboutText, out var aboutReference);
        var errors = new List<MessagingError>(fileErrors);
        if (aboutText.Length > 0 && aboutReference is null)
        {
            errors.Add(describer.UnknownAbout());
        }

        // The form shown again carries the card of what it is about, or says that it cannot be about that (and leaves it out).
        async Task ShowAboutAsync()
        {
            if (aboutReference is null)
            {
                return;
            }

            if (await about.ForStartAsync(userId, aboutReference, recipients.UserIds, http.RequestAborted) is { } card)
            {
                (compose.About, compose.AboutCard) = (aboutText, card);
            }
            else if (!errors.Exists(e => e.Code == nameof(UserMessagesErrorDescriber.UnknownAbout)))
            {
                errors.Add(describer.UnknownAbout());
            }
        }

        if (form.ContainsKey("Preview"))
        {
            // The Preview button: the form comes back with the message as it will be shown and the files kept, nothing sent.
            compose.PreviewHtml = fileErrors.Count == 0 ? MessageMarkdown.Preview(compose.Content, options.Value.Formatting) : null;
            await ShowAboutAsync();
            foreach (var error in errors)
            {
                compose.Errors.Add(error.Field!, error.Description);
            }

            return View(compose, directory, T, errors.Count == 0 ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
        }

        // Check everything first so the form comes back with every problem at once.
        validator.CheckSubject(compose.Subject, errors);
        validator.CheckContent(compose.Content, errors);
        errors.AddRange(recipients.Errors);

        var status = StatusCodes.Status400BadRequest;
        TimeSpan? retryAfter = null;
        if (errors.Count == 0)
        {
            var request = new NewThreadRequest(userId, recipients.UserIds, compose.Subject, compose.Content)
            {
                AttachmentIds = [.. files.Select(f => f.Id)],
                About = aboutReference,
            };
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

        await ShowAboutAsync();
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
