using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using UserMessages.About;
using UserMessages.Moderation;
using UserMessages.Services;
using UserMessages.Users;
using UserMessages.Web;
using UserMessages.Web.Pages;
using UserMessages.Web.Routing;

namespace UserMessages.Web.Api;

/// <summary>The API's POSTs: start a thread, reply, add people, thread buttons and bulk actions.</summary>
internal static class ApiWrites
{
    public static async Task<Results<Created<ApiSentMessage>, Accepted<ApiHeldMessage>, ProblemHttpResult, ValidationProblem, ChallengeHttpResult>> StartThread(
        HttpContext http,
        IUserMessagesService messages,
        IUserDirectory directory,
        MessageInputValidator validator,
        UserMessagesErrorDescriber describer,
        IOptions<UserMessagesOptions> options,
        LinkGenerator links)
    {
        if (PageRequests.CurrentUserId(http) is not { } userId)
        {
            return TypedResults.Challenge();
        }

        var (body, refusal, invalid) = await ApiRequestGuard.ReadAsync<NewThreadBody>(http);
        if (refusal is not null)
        {
            return refusal;
        }

        if (invalid is not null)
        {
            return invalid;
        }

        // Every problem at once, as the compose form shows them.
        var errors = new List<MessagingError>();
        validator.CheckSubject(body!.Subject, errors);
        validator.CheckContent(body.Content, errors);
        var recipients = await RecipientNames.ResolveAsync(body.To ?? [], acceptIds: true, directory, describer, options.Value.MaxRecipients, http.RequestAborted);
        errors.AddRange(recipients.Errors);
        AboutReference? about = null;
        if (body.About is not null && !AboutReference.TryParse(body.About, out about))
        {
            errors.Add(describer.UnknownAbout());
        }

        if (errors.Count > 0)
        {
            return ApiProblems.Validation(errors);
        }

        var request = new NewThreadRequest(userId, recipients.UserIds, body.Subject!, body.Content!) { AttachmentIds = body.Attachments ?? [], About = about };
        var result = await messages.StartThreadAsync(request, http.RequestAborted);
        return result.Status switch
        {
            MessagingStatus.Succeeded when result.Value!.IsHeld => TypedResults.Accepted((string?)null, new ApiHeldMessage(result.Value.HeldMessageId!.Value)),
            MessagingStatus.Succeeded => Created(http, links, result.Value!),
            MessagingStatus.RateLimited => ApiProblems.RateLimited(http, result),
            MessagingStatus.Suspended => ApiProblems.Suspended(result),
            MessagingStatus.NotFound => ApiProblems.NotFound(),
            _ => ApiProblems.Validation(recipients.NameRefusals(result.Errors, describer)),
        };
    }

    public static async Task<Results<Created<ApiSentMessage>, Accepted<ApiHeldMessage>, ProblemHttpResult, ValidationProblem, ChallengeHttpResult>> Reply(
        HttpContext http, IUserMessagesService messages, LinkGenerator links, string id)
    {
        if (PageRequests.CurrentUserId(http) is not { } userId)
        {
            return TypedResults.Challenge();
        }

        if (!PageRequests.TryParseThreadId(id, out var threadId))
        {
            return ApiProblems.MalformedId();
        }

        var (body, refusal, invalid) = await ApiRequestGuard.ReadAsync<ReplyBody>(http);
        if (refusal is not null)
        {
            return refusal;
        }

        if (invalid is not null)
        {
            return invalid;
        }

        var result = await messages.ReplyAsync(userId, threadId, body!.Content ?? string.Empty, body.Attachments ?? [], http.RequestAborted);
        return result.Status switch
        {
            MessagingStatus.Succeeded when result.Value!.IsHeld => TypedResults.Accepted((string?)null, new ApiHeldMessage(result.Value.HeldMessageId!.Value)),
            MessagingStatus.Succeeded => Created(http, links, result.Value!),
            MessagingStatus.NotFound => ApiProblems.NotFound(),
            MessagingStatus.RateLimited => ApiProblems.RateLimited(http, result),
            MessagingStatus.Suspended => ApiProblems.Suspended(result),
            _ => ApiProblems.Validation(result.Errors),
        };
    }

    public static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem, ChallengeHttpResult>> AddParticipants(
        HttpContext http, IUserMessagesService messages, IUserDirectory directory, UserMessagesErrorDescriber describer, IOptions<UserMessagesOptions> options, string id)
    {
        if (PageRequests.CurrentUserId(http) is not { } userId)
        {
            return TypedResults.Challenge();
        }

        if (!PageRequests.TryParseThreadId(id, out var threadId))
        {
            return ApiProblems.MalformedId();
        }

        var (body, refusal, invalid) = await ApiRequestGuard.ReadAsync<ParticipantsBody>(http);
        if (refusal is not null)
        {
            return refusal;
        }

        if (invalid is not null)
        {
            return invalid;
        }

        var recipients = await RecipientNames.ResolveAsync(body!.To ?? [], acceptIds: true, directory, describer, options.Value.MaxRecipients, http.RequestAborted);
        if (recipients.Errors.Count > 0)
        {
            return ApiProblems.Validation(recipients.Errors);
        }

        var result = await messages.AddParticipantsAsync(userId, threadId, recipients.UserIds, http.RequestAborted);
        return result.Status switch
        {
            MessagingStatus.Succeeded => TypedResults.NoContent(),
            MessagingStatus.NotFound => ApiProblems.NotFound(),
            MessagingStatus.RateLimited => ApiProblems.RateLimited(http, result),
            _ => ApiProblems.Validation(recipients.NameRefusals(result.Errors, describer)),
        };
    }

    public static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem, ChallengeHttpResult>> Bulk(
        HttpContext http, IUserMessagesService messages, UserMessagesErrorDescriber describer)
    {
        if (PageRequests.CurrentUserId(http) is not { } userId)
        {
            return TypedResults.Challenge();
        }

        var (body, refusal, invalid) = await ApiRequestGuard.ReadAsync<BulkBody>(http);
        if (refusal is not null)
        {
            return refusal;
        }

        if (invalid is not null)
        {
            return invalid;
        }

        var errors = new List<MessagingError>();
        if (!Enum.TryParse<ThreadAction>(body!.Action, ignoreCase: true, out var action) || !Enum.IsDefined(action)
            || int.TryParse(body.Action, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
        {
            errors.Add(describer.UnknownBulkAction());
        }

        if (body.Ids?.Any(id => id <= 0) == true)
        {
            errors.Add(describer.InvalidThreadIds());
        }

        if (errors.Count > 0)
        {
            return ApiProblems.Validation(errors);
        }

        var result = await messages.ApplyToThreadsAsync(userId, action, body.Ids ?? [], http.RequestAborted);
        return result.Status switch
        {
            MessagingStatus.Succeeded => TypedResults.NoContent(),
            MessagingStatus.NotFound => ApiProblems.NotFound(),
            MessagingStatus.RateLimited => ApiProblems.RateLimited(http, result),
            _ => ApiProblems.Validation(result.Errors),
        };
    }

    public static Task<Results<NoContent, ProblemHttpResult, ChallengeHttpResult>> Delete(HttpContext http, IUserMessagesService messages, string id)
        => ChangeStateAsync(http, id, messages.DeleteThreadAsync);

    public static async Task<Results<Created<ApiReport>, ProblemHttpResult, ValidationProblem, ChallengeHttpResult>> Report(
        HttpContext http, MessageModeration moderation, string id, string messageId)
    {
        if (PageRequests.CurrentUserId(http) is not { } userId)
        {
            return TypedResults.Challenge();
        }

        if (!PageRequests.TryParseThreadId(id, out var threadId) || !PageRequests.TryParseThreadId(messageId, out var message))
        {
            return ApiProblems.BadRequest("That is not a valid conversation or message id.");
        }

        var (body, refusal, invalid) = await ApiRequestGuard.ReadAsync<ReportBody>(http);
        if (refusal is not null)
        {
            return refusal;
        }

        if (invalid is not null)
        {
            return invalid;
        }

        var result = await moderation.ReportAsync(userId, threadId, message, MessageModeration.ParseReason(body!.Reason), body.Note, body.Block == true, http.RequestAborted);
        return result.Status switch
        {
            MessagingStatus.Succeeded => TypedResults.Created((string?)null, new ApiReport(result.Value)),
            MessagingStatus.NotFound => ApiProblems.NotFound(),
            MessagingStatus.RateLimited => ApiProblems.RateLimited(http, result),
            _ when result.Errors.Any(e => e.Code == nameof(UserMessagesErrorDescriber.AlreadyReported)) => TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict, title: "Already reported", detail: result.Errors[0].Description),
            _ => ApiProblems.Validation(result.Errors),
        };
    }

    public static Task<Results<NoContent, ProblemHttpResult, ChallengeHttpResult>> Accept(HttpContext http, IUserMessagesService messages, string id)
        => ChangeStateAsync(http, id, (user, thread, ct) => messages.ApplyToThreadsAsync(user, ThreadAction.Accept, [thread], ct));

    public static Task<Results<NoContent, ProblemHttpResult, ChallengeHttpResult>> Decline(HttpContext http, IUserMessagesService messages, string id)
        => ChangeStateAsync(http, id, (user, thread, ct) => messages.ApplyToThreadsAsync(user, ThreadAction.Decline, [thread], ct));

    public static Task<Results<NoContent, ProblemHttpResult, ChallengeHttpResult>> DeclineAndBlock(HttpContext http, IUserMessagesService messages, string id)
        => ChangeStateAsync(http, id, (user, thread, ct) => messages.ApplyToThreadsAsync(user, ThreadAction.DeclineAndBlock, [thread], ct));

    public static Task<Results<NoContent, ProblemHttpResult, ChallengeHttpResult>> Restore(HttpContext http, IUserMessagesService messages, string id)
        => ChangeStateAsync(http, id, messages.RestoreThreadAsync);

    public static Task<Results<NoContent, ProblemHttpResult, ChallengeHttpResult>> Archive(HttpContext http, IUserMessagesService messages, string id)
        => ChangeStateAsync(http, id, messages.ArchiveThreadAsync);

    public static Task<Results<NoContent, ProblemHttpResult, ChallengeHttpResult>> MarkRead(HttpContext http, IUserMessagesService messages, string id)
        => ChangeStateAsync(http, id, messages.MarkReadAsync);

    public static Task<Results<NoContent, ProblemHttpResult, ChallengeHttpResult>> MarkUnread(HttpContext http, IUserMessagesService messages, string id)
        => ChangeStateAsync(http, id, messages.MarkUnreadAsync);

    public static Task<Results<NoContent, ProblemHttpResult, ChallengeHttpResult>> Mute(HttpContext http, IUserMessagesService messages, string id)
        => ChangeStateAsync(http, id, (user, thread, ct) => messages.ApplyToThreadsAsync(user, ThreadAction.Mute, [thread], ct));

    public static Task<Results<NoContent, ProblemHttpResult, ChallengeHttpResult>> Unmute(HttpContext http, IUserMessagesService messages, string id)
        => ChangeStateAsync(http, id, (user, thread, ct) => messages.ApplyToThreadsAsync(user, ThreadAction.Unmute, [thread], ct));

    public static Task<Results<NoContent, ProblemHttpResult, ChallengeHttpResult>> Leave(HttpContext http, IUserMessagesService messages, string id)
        => ChangeStateAsync(http, id, messages.LeaveThreadAsync);

    private static async Task<Results<NoContent, ProblemHttpResult, ChallengeHttpResult>> ChangeStateAsync(
        HttpContext http, string id, Func<string, long, CancellationToken, Task<MessagingResult>> change)
    {
        if (PageRequests.CurrentUserId(http) is not { } userId)
        {
            return TypedResults.Challenge();
        }

        if (await ApiRequestGuard.CheckAntiforgeryAsync(http) is { } refusal)
        {
            return refusal;
        }

        if (!PageRequests.TryParseThreadId(id, out var threadId))
        {
            return ApiProblems.MalformedId();
        }

        var result = await change(userId, threadId, http.RequestAborted);
        return result.Succeeded ? TypedResults.NoContent() : ApiProblems.NotFound();
    }

    private static Created<ApiSentMessage> Created(HttpContext http, LinkGenerator links, SentMessage sent)
    {
        var mount = http.GetEndpoint()?.Metadata.GetMetadata<UserMessagesMount>()
            ?? throw new InvalidOperationException("The messaging API is mapped by MapUserMessages only.");
        var location = links.GetPathByName(http, mount.NameOf(MessagesApi.ThreadName), new { id = sent.ThreadId });
        return TypedResults.Created(location, new ApiSentMessage(sent.ThreadId, sent.MessageId));
    }
}
