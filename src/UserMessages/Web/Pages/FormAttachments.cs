using Microsoft.AspNetCore.Http;
using UserMessages.Services;

namespace UserMessages.Web.Pages;

/// <summary>
/// The files a reply or compose form carries: those uploaded with an earlier submission of it (ticked boxes <c>AttachmentId</c>,
/// so a refused form need not upload them again) and the new ones (<c>Files</c>), uploaded now.
/// </summary>
internal static class FormAttachments
{
    public static async Task<(List<AttachmentItem> Carried, IReadOnlyList<MessagingError> Errors)> ReadAsync(
        HttpContext http, IFormCollection form, IUserMessagesService messages, string userId)
    {
        var kept = form["AttachmentId"].Select(v => long.TryParse(v, out var id) ? id : 0).Where(id => id > 0).Distinct().ToList();
        var carried = kept.Count == 0 ? [] : (await messages.GetUploadsAsync(userId, kept, http.RequestAborted)).ToList();

        // A file input with nothing chosen still sends an empty part without a name.
        var files = form.Files.GetFiles("Files").Where(f => f.Length > 0 || f.FileName.Length > 0).ToList();
        if (files.Count == 0)
        {
            return (carried, []);
        }

        var uploads = files.Select(f => new AttachmentUpload(f.FileName, f.Length, f.OpenReadStream)).ToList();
        var uploaded = await messages.UploadAsync(userId, uploads, http.RequestAborted);
        if (uploaded.Succeeded)
        {
            carried.AddRange(uploaded.Value!);
        }

        return (carried, uploaded.Errors);
    }
}
