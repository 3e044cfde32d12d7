using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using UserMessages.IntegrationTests.Infrastructure;

namespace UserMessages.IntegrationTests.Api;

/// <summary>
/// Issue 4 §1, issue 18 §8: the sample serves an OpenAPI description of the messaging API, from which
/// a client can be generated: every body described, every error answer listed, nothing else described.
/// </summary>
public sealed class OpenApiDocumentTests : MessagingTest, IClassFixture<SharedApp>
{
    /// <summary>Message requests on, so that answering one is among the operations called.</summary>
    protected override IReadOnlyDictionary<string, string>? Settings => new Dictionary<string, string> { ["Messages:MessageRequests"] = "true" };

    private const string ApiRoot = "/messages/api/";

    public OpenApiDocumentTests(SharedApp app)
        : base(app)
    {
    }

    [Fact]
    public async Task OpenApiDocument_ListsTheApiPaths()
    {
        using var document = await DocumentAsync();

        var paths = document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/messages/api/folders/{folder}", paths);
        Assert.Contains("/messages/api/threads", paths);
        Assert.Contains("/messages/api/threads/{id}", paths);
        Assert.Contains("/messages/api/threads/{id}/messages", paths);
        Assert.Contains("/messages/api/threads/bulk", paths);
        Assert.Contains("/messages/api/unread-count", paths);
        Assert.Contains("/messages/api/antiforgery", paths);
    }

    [Fact]
    public async Task ThePagesAndTheSamplesOwnFormEndpoints_AreNotDescribedAsApiOperations()
    {
        using var document = await DocumentAsync();

        var paths = document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.DoesNotContain(paths, p => p.StartsWith("/messages", StringComparison.Ordinal) && !p.StartsWith(ApiRoot, StringComparison.Ordinal));
        Assert.DoesNotContain("/language", paths);
    }

    [Fact]
    public async Task EveryPostThatTakesABody_DescribesIt_AndEveryOperationListsItsErrorAnswers()
    {
        using var document = await DocumentAsync();

        foreach (var (method, path, operation) in Operations(document.RootElement))
        {
            var responses = operation.GetProperty("responses").EnumerateObject().Select(r => r.Name).ToHashSet();
            var name = $"{method} {path}";
            Assert.True(responses.Contains("401"), name);
            if (path.Contains("{id}", StringComparison.Ordinal) || path.EndsWith("bulk", StringComparison.Ordinal))
            {
                Assert.True(responses.IsSupersetOf(["400", "404"]), $"{name}: {string.Join(", ", responses)}");
            }

            var takesBody = (method == "POST" && (path.EndsWith("/threads", StringComparison.Ordinal) || path.EndsWith("/bulk", StringComparison.Ordinal)
                || path.EndsWith("/messages", StringComparison.Ordinal) || path.EndsWith("/participants", StringComparison.Ordinal) || path.EndsWith("/report", StringComparison.Ordinal)
                || path.EndsWith("/attachments", StringComparison.Ordinal)))
                || method == "PUT";
            Assert.Equal(takesBody, operation.TryGetProperty("requestBody", out _));
            if (takesBody)
            {
                Assert.True(responses.IsSupersetOf(["400", "413", "415"]), $"{name}: {string.Join(", ", responses)}");
                Assert.Equal(
                    "#/components/schemas/HttpValidationProblemDetails",
                    operation.GetProperty("responses").GetProperty("400").GetProperty("content").GetProperty("application/problem+json").GetProperty("schema").GetProperty("$ref").GetString());
            }
        }
    }

    [Fact]
    public async Task EveryOperation_CalledAsTheDocumentDescribesIt_Succeeds_WithAStatusTheDocumentLists()
    {
        using var document = await DocumentAsync();
        await Alice.UseAntiforgeryAsync();
        var threadId = await Alice.StartThreadAsync(Bob.UserName, "Hello", "Hi Bob");
        await Bob.ReplyAsync(threadId, "Hi Alice");
        var bobsMessage = await App.WithDbAsync(db => db.Messages.Where(m => m.ThreadId == threadId && m.SenderId == Bob.Id).Select(m => m.Id).SingleAsync());
        var alicesMessage = await App.WithDbAsync(db => db.Messages.Where(m => m.ThreadId == threadId && m.SenderId == Alice.Id).Select(m => m.Id).SingleAsync());

        // A message request of Alice's for each of the answers (accept, decline, decline and block).
        var requests = new Queue<long>();
        for (var i = 0; i < 3; i++)
        {
            requests.Enqueue(await Carol.StartThreadAsync(Alice.UserName, "Request " + i, "Hi Alice"));
        }

        var called = 0;

        // Deleting her message after editing it, and leaving last: after it the thread is gone for the caller.
        var operations = Operations(document.RootElement)
            .OrderBy(o => o.Path.EndsWith("/leave", StringComparison.Ordinal))
            .ThenBy(o => o.Method == "DELETE");
        foreach (var (method, path, operation) in operations)
        {
            var answers = path.EndsWith("/accept", StringComparison.Ordinal) || path.Contains("/decline", StringComparison.Ordinal);

            // Her own message for editing and deleting it, Bob's for reporting it.
            var messageId = path.EndsWith("/report", StringComparison.Ordinal) ? bobsMessage : alicesMessage;
            var url = Url(path, operation, answers ? requests.Dequeue() : threadId).Replace("{messageId}", messageId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
            using var request = new HttpRequestMessage(new HttpMethod(method), url);
            if (operation.TryGetProperty("requestBody", out var files) && files.GetProperty("content").TryGetProperty("multipart/form-data", out _))
            {
                // An upload: the smallest PNG, as a form of files.
                request.Content = new MultipartFormDataContent { { new ByteArrayContent([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0]), "files", "dot.png" } };
            }
            else if (operation.TryGetProperty("requestBody", out var body))
            {
                var schema = body.GetProperty("content").GetProperty("application/json").GetProperty("schema");
                var json = Sample(document.RootElement, schema, name: null, path, threadId);
                request.Content = new StringContent(json!.ToJsonString(), Encoding.UTF8, "application/json");
            }

            var response = await Alice.Http.SendAsync(request);

            var status = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(response.IsSuccessStatusCode, $"{method} {url}: {status} {await response.Content.ReadAsStringAsync()}");
            Assert.True(operation.GetProperty("responses").TryGetProperty(status, out _), $"{method} {path} answered {status}, which its document does not list");
            called++;
        }

        Assert.Equal(26, called);
    }

    private async Task<JsonDocument> DocumentAsync()
    {
        using var anonymous = App.CreateBrowser();
        return await ApiSteps.GetJsonAsync(anonymous.Http, "/openapi/v1.json");
    }

    private static IEnumerable<(string Method, string Path, JsonElement Operation)> Operations(JsonElement document)
        => document.GetProperty("paths").EnumerateObject()
            .Where(p => p.Name.StartsWith(ApiRoot, StringComparison.Ordinal))
            .SelectMany(p => p.Value.EnumerateObject().Select(o => (o.Name.ToUpperInvariant(), p.Name, o.Value)));

    /// <summary>The operation's URL: its path parameters and its query parameters filled in (but the paging cursors, for the first page).</summary>
    private static string Url(string path, JsonElement operation, long threadId)
    {
        var url = path.Replace("{id}", threadId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{folder}", "inbox", StringComparison.Ordinal);
        var query = operation.TryGetProperty("parameters", out var parameters)
            ? parameters.EnumerateArray()
                .Where(p => p.GetProperty("in").GetString() == "query" && p.GetProperty("name").GetString() is not ("before" or "after"))
                .Select(p => p.GetProperty("name").GetString() + "=" + (path.EndsWith("recipients", StringComparison.Ordinal) ? "bo" : "Hello"))
                .ToList()
            : [];
        return query.Count == 0 ? url : url + "?" + string.Join("&", query);
    }

    /// <summary>A value for <paramref name="schema"/>, as a generated client would send it: meaningful values for the properties the messaging API knows.</summary>
    private JsonNode? Sample(JsonElement document, JsonElement schema, string? name, string path, long threadId)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            var schemaName = reference.GetString()!.Split('/')[^1];
            return Sample(document, document.GetProperty("components").GetProperty("schemas").GetProperty(schemaName), name, path, threadId);
        }

        var types = schema.TryGetProperty("type", out var type)
            ? type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!).ToList() : [type.GetString()!]
            : [];
        return name switch
        {
            "to" => new JsonArray(path.EndsWith("/participants", StringComparison.Ordinal) ? Carol.UserName : Bob.UserName),
            "subject" => "Generated",
            "content" => "Sent by a generated client.",
            "action" => "archive",
            "ids" => new JsonArray(threadId),
            "reason" => "spam",
            "note" => "Reported by a generated client.",
            "block" => false,
            "attachments" => new JsonArray(),
            "about" => "listing:1",
            _ when types.Contains("object") => new JsonObject(schema.GetProperty("properties").EnumerateObject()
                .Select(p => KeyValuePair.Create(p.Name, Sample(document, p.Value, p.Name, path, threadId)))),
            _ => throw new Xunit.Sdk.XunitException($"{path}: no sample for '{name}' of type {string.Join("|", types)}"),
        };
    }
}
