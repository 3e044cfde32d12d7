using System.Text.Json;
using UserMessages.IntegrationTests.Infrastructure;

namespace UserMessages.IntegrationTests.Api;

/// <summary>Issue 4 §1: the sample serves an OpenAPI description of the messaging API.</summary>
public sealed class OpenApiDocumentTests : MessagingTest
{
    [Fact]
    public async Task OpenApiDocument_ListsTheApiPaths()
    {
        using var anonymous = App.CreateBrowser();

        using var document = await ApiSteps.GetJsonAsync(anonymous.Http, "/openapi/v1.json");

        var paths = document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/messages/api/folders/{folder}", paths);
        Assert.Contains("/messages/api/threads", paths);
        Assert.Contains("/messages/api/threads/{id}", paths);
        Assert.Contains("/messages/api/threads/{id}/messages", paths);
        Assert.Contains("/messages/api/threads/bulk", paths);
        Assert.Contains("/messages/api/unread-count", paths);
        Assert.Contains("/messages/api/antiforgery", paths);
        var folder = document.RootElement.GetProperty("paths").GetProperty("/messages/api/folders/{folder}").GetProperty("get");
        Assert.True(folder.GetProperty("responses").TryGetProperty("200", out _));
        Assert.Equal(JsonValueKind.Object, folder.ValueKind);
    }
}
