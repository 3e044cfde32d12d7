using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace UserMessages.LiveLoad;

/// <summary>Sends the runs' requests, spreading them over the instances and skipping for two seconds one that refused a connection.</summary>
internal sealed class HttpLoad(HttpClient http, IReadOnlyList<string> instances, Func<double> now)
{
    private readonly double[] downUntil = new double[instances.Count];

    /// <summary>The instance for the request numbered <paramref name="n"/>: in turn, past those that refused a connection lately.</summary>
    public int Pick(long n)
    {
        for (var i = 0; i < instances.Count; i++)
        {
            var candidate = (int)((n + i) % instances.Count);
            if (downUntil[candidate] <= now())
            {
                return candidate;
            }
        }

        return (int)(n % instances.Count);
    }

    /// <summary>A reply through the JSON API (<c>POST /messages/api/threads/{id}/messages</c>); keeps the new message's id.</summary>
    public Task ReplyAsync(TimedRequest request, string token, string content)
        => SendAsync(request, () => new HttpRequestMessage(HttpMethod.Post, $"{instances[request.Instance]}/messages/api/threads/{request.ThreadId}/messages")
        {
            Content = JsonContent.Create(new { content }),
            Headers = { Authorization = new AuthenticationHeaderValue("Bearer", token) },
        });

    /// <summary>A GET of a path under the instance, signed in by a bearer token or a Cookie header.</summary>
    public Task GetAsync(TimedRequest request, string path, string? token, string? cookie)
        => SendAsync(request, () =>
        {
            var message = new HttpRequestMessage(HttpMethod.Get, instances[request.Instance] + path);
            if (token is not null)
            {
                message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            if (cookie is not null)
            {
                message.Headers.Add("Cookie", cookie);
            }

            return message;
        });

    private async Task SendAsync(TimedRequest request, Func<HttpRequestMessage> create)
    {
        try
        {
            using var message = create();
            using var response = await http.SendAsync(message);
            var body = await response.Content.ReadAsStringAsync();
            request.End = now();
            request.Status = (int)response.StatusCode;
            if (response.StatusCode == HttpStatusCode.Created && request.Kind == "reply")
            {
                using var sent = JsonDocument.Parse(body);
                request.MessageId = sent.RootElement.GetProperty("messageId").GetInt64();
            }
            else if (!request.Ok)
            {
                request.Error = body.Length > 200 ? body[..200] : body;
            }
        }
        catch (HttpRequestException e)
        {
            request.End = now();
            request.Error = e.HttpRequestError + ": " + e.Message;
            if (e.HttpRequestError == HttpRequestError.ConnectionError)
            {
                downUntil[request.Instance] = now() + 2000;
            }
        }
        catch (TaskCanceledException)
        {
            request.End = now();
            request.Error = "timeout";
        }
    }
}
