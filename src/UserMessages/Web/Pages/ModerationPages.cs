using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using UserMessages.Domain;
using UserMessages.Moderation;
using UserMessages.Services;
using UserMessages.ViewModels;

namespace UserMessages.Web.Pages;

/// <summary>
/// The moderation queue under the prefix: open reports, one report with its context and the actions, the suspensions
/// in force, the log. For moderators only: everyone else gets the 404 of an address that does not exist.
/// </summary>
internal static class ModerationPages
{
    /// <summary>The suspension lengths the report page offers, in days; "indefinite" is until a moderator lifts it.</summary>
    public static readonly IReadOnlyList<int> SuspensionDays = [1, 7, 30];

    public const string Indefinite = "indefinite";

    /// <summary>The moderation group's filter: a plain 404 for everyone but moderators.</summary>
    public static async ValueTask<object?> ModeratorsOnly(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
        => await ModeratorGate.IsModeratorAsync(context.HttpContext) ? await next(context) : Results.NotFound();

    public static async Task<IResult> Queue(HttpContext http, MessageModeration moderation, IOptions<UserMessagesOptions> options, [FromQuery] string? before)
    {
        var take = options.Value.PageSize;
        var reports = await moderation.ReadReportsAsync(ReportStatus.Open, Cursor(before), take + 1, http.RequestAborted);
        var page = reports.Take(take).ToList();
        return new PageResult(ViewPaths.ModerationQueue, new ModerationQueueViewModel(page, reports.Count > take ? page[^1].Id : null));
    }

    public static async Task<IResult> Report(HttpContext http, MessageModeration moderation, string id)
    {
        return await RenderReportAsync(http, moderation, id, string.Empty, new FormErrors(), StatusCodes.Status200OK);
    }

    public static async Task<IResult> Decide(
        HttpContext http, MessageModeration moderation, UserMessagesLinks links, TimeProvider clock, IStringLocalizer<UserMessagesResources> T, string id)
    {
        var (post, refusal) = await SignedInForm.ReadAsync(http);
        if (post is not { } signedIn)
        {
            return refusal!;
        }

        var (form, moderatorId) = signedIn;
        if (!PageRequests.TryParseThreadId(id, out var reportId))
        {
            return PageRequests.MalformedId();
        }

        var note = form["Note"].ToString();
        var errors = new FormErrors();
        ReportDecision? decision = form["Decision"].ToString() switch
        {
            "dismiss" => ReportDecision.Dismiss,
            "remove" => ReportDecision.Remove,
            "suspend" => ReportDecision.Suspend,
            "remove-and-suspend" => ReportDecision.RemoveAndSuspend,
            _ => null,
        };
        var duration = form["Duration"].ToString();
        DateTime? until = null;
        if (decision is ReportDecision.Suspend or ReportDecision.RemoveAndSuspend && duration != Indefinite)
        {
            if (int.TryParse(duration, NumberStyles.None, CultureInfo.InvariantCulture, out var days) && SuspensionDays.Contains(days))
            {
                until = clock.GetUtcNow().UtcDateTime.AddDays(days);
            }
            else
            {
                errors.Add("Duration", T["Choose how long the suspension lasts."]);
            }
        }

        if (decision is null)
        {
            errors.Add("Decision", T["Choose what to do with this report."]);
        }

        if (errors.Any)
        {
            return await RenderReportAsync(http, moderation, id, note, errors, StatusCodes.Status400BadRequest);
        }

        var result = await moderation.DecideAsync(moderatorId, reportId, decision!.Value, until, note, http.RequestAborted);
        if (result.Status == MessagingStatus.Invalid)
        {
            foreach (var error in result.Errors)
            {
                errors.Add(error.Field ?? string.Empty, error.Description);
            }

            return await RenderReportAsync(http, moderation, id, note, errors, StatusCodes.Status400BadRequest);
        }

        // Decided, or already decided by another moderator: the report's page says which.
        return Results.Redirect(result.Succeeded ? links.Moderation(http) : links.ModerationReport(http, reportId));
    }

    public static async Task<IResult> Suspensions(HttpContext http, MessageModeration moderation, IOptions<UserMessagesOptions> options, [FromQuery] string? skip)
    {
        // A few hundred at most are in force at once: pages of four folder pages, by their place in the list.
        var take = options.Value.PageSize * 4;
        var from = int.TryParse(skip, NumberStyles.None, CultureInfo.InvariantCulture, out var skipped) && skipped < 1_000_000 ? skipped : 0;
        var suspensions = await moderation.ReadSuspensionsAsync(from, take + 1, http.RequestAborted);
        var page = suspensions.Take(take).ToList();
        return new PageResult(ViewPaths.Suspensions, new SuspensionsViewModel(page) { NextSkip = suspensions.Count > take ? from + take : null });
    }

    public static async Task<IResult> Lift(HttpContext http, MessageModeration moderation, UserMessagesLinks links)
    {
        var (post, refusal) = await SignedInForm.ReadAsync(http);
        if (post is not { } signedIn)
        {
            return refusal!;
        }

        var (form, moderatorId) = signedIn;
        var result = await moderation.LiftAsync(moderatorId, form["UserId"].ToString(), form["Note"].ToString(), http.RequestAborted);
        return result.Status == MessagingStatus.Invalid
            ? PageResult.Problem(StatusCodes.Status400BadRequest, "Bad request", result.Errors[0].Description)
            : Results.Redirect(links.Suspensions(http));
    }

    public static async Task<IResult> Log(HttpContext http, MessageModeration moderation, IOptions<UserMessagesOptions> options, [FromQuery] string? before)
    {
        var take = options.Value.PageSize;
        var entries = await moderation.ReadLogAsync(Cursor(before), take + 1, http.RequestAborted);
        var page = entries.Take(take).ToList();
        return new PageResult(ViewPaths.ModerationLog, new ModerationLogViewModel(page, entries.Count > take ? page[^1].Id : null));
    }

    public static async Task<IResult> Held(HttpContext http, MessageModeration moderation, IOptions<UserMessagesOptions> options, [FromQuery] string? after)
    {
        return await RenderHeldAsync(http, moderation, options, Cursor(after), new FormErrors(), StatusCodes.Status200OK);
    }

    public static async Task<IResult> DecideHeld(HttpContext http, MessageModeration moderation, IOptions<UserMessagesOptions> options, UserMessagesLinks links, string id)
    {
        var (post, refusal) = await SignedInForm.ReadAsync(http);
        if (post is not { } signedIn)
        {
            return refusal!;
        }

        var (form, moderatorId) = signedIn;
        if (!PageRequests.TryParseThreadId(id, out var heldId))
        {
            return PageRequests.MalformedId();
        }

        var decision = form["Decision"].ToString();
        if (decision is not ("approve" or "reject"))
        {
            return PageResult.Problem(StatusCodes.Status400BadRequest, "Bad request", "Choose whether to approve or reject the message.");
        }

        var result = await moderation.DecideHeldAsync(moderatorId, heldId, decision == "approve", form["Note"].ToString(), http.RequestAborted);
        if (result.Status != MessagingStatus.Invalid)
        {
            return Results.Redirect(links.Held(http));
        }

        var errors = new FormErrors();
        foreach (var error in result.Errors)
        {
            errors.Add(heldId.ToString(CultureInfo.InvariantCulture), error.Description);
        }

        return await RenderHeldAsync(http, moderation, options, null, errors, StatusCodes.Status400BadRequest);
    }

    private static async Task<IResult> RenderHeldAsync(HttpContext http, MessageModeration moderation, IOptions<UserMessagesOptions> options, long? after, FormErrors errors, int statusCode)
    {
        var take = options.Value.PageSize;
        var held = await moderation.ReadHeldAsync(after, take + 1, http.RequestAborted);
        var page = held.Take(take).ToList();
        return new PageResult(ViewPaths.Held, new HeldMessagesViewModel(page, held.Count > take ? page[^1].Id : null, errors), statusCode);
    }

    private static async Task<IResult> RenderReportAsync(HttpContext http, MessageModeration moderation, string id, string note, FormErrors errors, int statusCode)
    {
        if (!PageRequests.TryParseThreadId(id, out var reportId))
        {
            return PageRequests.MalformedId();
        }

        return await moderation.ReadReportAsync(reportId, http.RequestAborted) is { } detail
            ? new PageResult(ViewPaths.ModerationReport, new ModerationReportViewModel(detail, note, errors), statusCode)
            : PageResult.Problem(StatusCodes.Status404NotFound, "Report not found", "There is no such report.");
    }

    /// <summary>A paging cursor: the id to list before; none for anything else (the first page).</summary>
    private static long? Cursor(string? before) => PageRequests.TryParseThreadId(before, out var id) ? id : null;
}
