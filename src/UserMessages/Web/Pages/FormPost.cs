using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using UserMessages.Web.Routing;

namespace UserMessages.Web.Pages;

/// <summary>
/// Reads a posted form for a state change: size-limited, form-encoded, and only with a valid
/// antiforgery token. The check is done here rather than by <c>UseAntiforgery()</c> so it holds
/// whatever middleware the host has.
/// </summary>
internal static class FormPost
{
    /// <summary>Reads the form; <paramref name="withFiles"/> allows the files of one message in it (the reply and compose forms).</summary>
    public static async Task<(IFormCollection? Form, IResult? Refusal)> ReadAsync(HttpContext http, bool withFiles = false)
    {
        var options = http.RequestServices.GetRequiredService<IOptions<UserMessagesOptions>>().Value;

        var limit = RequestBodyLimit.For(options, withFiles);
        if (http.Request.ContentLength > limit)
        {
            return (null, TooLarge(limit));
        }

        if (!http.Request.HasFormContentType)
        {
            return (null, PageResult.Problem(StatusCodes.Status400BadRequest, "Bad request", "This address only accepts the form from the messaging pages."));
        }

        // Kestrel stops a longer body itself; on any server, the form reader refuses a longer value.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
        {
            sizeFeature.MaxRequestBodySize = limit;
        }

        if (http.Features.Get<IFormFeature>()?.Form is null)
        {
            var formLimits = new FormOptions { ValueLengthLimit = (int)RequestBodyLimit.For(options), ValueCountLimit = 1024, KeyLengthLimit = 256, MultipartBodyLengthLimit = limit };
            http.Features.Set<IFormFeature>(new FormFeature(http.Request, formLimits));
        }

        // Kept, to be read again when the form reader refuses a character (see below).
        var encoded = http.Request.HasFormContentType && !http.Request.ContentType!.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase);
        if (encoded)
        {
            http.Request.EnableBuffering();
        }

        IFormCollection form;
        try
        {
            // Read (and size-check) the body first; the token check then uses the form already read.
            form = await http.Request.ReadFormAsync(http.RequestAborted);
        }
        catch (Exception e) when (IsTooLarge(e))
        {
            return (null, TooLarge(limit));
        }
        catch (InvalidDataException)
        {
            // The form reader refuses some characters (a NUL, say) outright. Read it as typed, so that the
            // field they are in gets its own error and what was typed comes back.
            if (!encoded || await TolerantForm.ReadAsync(http.Request, http.RequestAborted) is not { } typed)
            {
                return (null, PageResult.Problem(StatusCodes.Status400BadRequest, "Bad request", "The form could not be read. Nothing was changed."));
            }

            form = typed;
            http.Features.Set<IFormFeature>(new FormFeature(form));
        }

        var antiforgery = http.RequestServices.GetRequiredService<IAntiforgery>();
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return (null, PageResult.Problem(
                StatusCodes.Status400BadRequest,
                "The form has expired",
                "The form was not sent from this site or has expired. Go back, reload the page and try again; nothing was changed."));
        }

        return (form, null);
    }

    private static bool IsTooLarge(Exception e)
        => e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } or IOException { InnerException: BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } }
            || (e is InvalidDataException && e.Message.Contains("limit", StringComparison.OrdinalIgnoreCase));

    private static PageResult TooLarge(long limit)
        => PageResult.Problem(
            StatusCodes.Status413PayloadTooLarge,
            "Too much to send",
            "The form sent more than any message may hold (text, or files). Nothing was saved.");
}
