using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace UserMessages.LiveLoad;

/// <summary>One seeded user as the tool knows them: number (0-based), id, bearer token, session cookie and threads.</summary>
internal sealed class SeededUser(int index, string email)
{
    public int Index { get; } = index;

    public string Email { get; } = email;

    public string Id { get; set; } = "";

    public string Token { get; set; } = "";

    /// <summary>The Cookie header of a session signed in through the Identity login form (mixed mode only).</summary>
    public string Cookie { get; set; } = "";

    public List<long> Threads { get; } = [];
}

/// <summary>Signs the seeded users in (bearer tokens at /identity/login, cookies through the login form) and reads their threads.</summary>
internal static partial class SignIn
{
    /// <summary>
    /// The seeded users <c>user1@example.com</c> … with a bearer token each (and a cookie when asked), and the two-person threads
    /// between them; with <paramref name="needIds"/> every user's id must be learnt, so each user's partners must be among them.
    /// </summary>
    public static async Task<(List<SeededUser> Users, Dictionary<long, int[]> Threads)> PrepareAsync(
        HttpClient http, LoadOptions options, bool cookies, bool needIds, CancellationToken cancellationToken)
    {
        var users = Enumerable.Range(0, options.Users).Select(i => new SeededUser(i, $"user{i + 1}@example.com")).ToList();
        var others = new Dictionary<(long Thread, int User), string[]>();
        var gate = new object();
        await Parallel.ForEachAsync(users, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (user, ct) =>
        {
            var home = options.Instances[user.Index % options.Instances.Count];
            user.Token = await BearerTokenAsync(http, home, user.Email, options.Password, ct);
            if (cookies)
            {
                user.Cookie = await LoginCookieAsync(http, home, user.Email, options.Password, ct);
            }

            using var request = new HttpRequestMessage(HttpMethod.Get, home + "/messages/api/folders/inbox");
            request.Headers.Authorization = new("Bearer", user.Token);
            using var response = await http.SendAsync(request, ct);
            response.EnsureSuccessStatusCode();
            using var page = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
            lock (gate)
            {
                foreach (var thread in page.RootElement.GetProperty("threads").EnumerateArray())
                {
                    var id = thread.GetProperty("id").GetInt64();
                    user.Threads.Add(id);
                    others[(id, user.Index)] = thread.GetProperty("otherParticipants").EnumerateArray().Select(p => p.GetProperty("id").GetString()!).ToArray();
                }
            }
        });

        // Who is in each thread: everyone whose inbox lists it. In a two-person thread, each lists the other's id: that is how ids are learnt.
        var threads = others.Keys.GroupBy(k => k.Thread).ToDictionary(g => g.Key, g => g.Select(k => k.User).Order().ToArray());
        foreach (var (thread, members) in threads)
        {
            if (members.Length == 2)
            {
                users[members[0]].Id = others[(thread, members[1])].Single();
                users[members[1]].Id = others[(thread, members[0])].Single();
            }
        }

        if (users.FirstOrDefault(u => (needIds && u.Id.Length == 0) || u.Threads.Count == 0) is { } lost)
        {
            throw new InvalidOperationException($"{lost.Email} has no thread, or none with another of the users, in the first page of the inbox: seed as many users with the seeder's two-person threads, at most a page per user.");
        }

        return (users, threads.Where(t => t.Value.Length == 2).ToDictionary());
    }

    private static async Task<string> BearerTokenAsync(HttpClient http, string baseUrl, string email, string password, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync(baseUrl + "/identity/login", new { email, password }, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"POST /identity/login for {email} answered {(int)response.StatusCode}.");
        }

        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        return body.RootElement.GetProperty("accessToken").GetString()!;
    }

    /// <summary>Signs in through the Identity login form (as bench/loadtest.sh's login_cookie does) and returns the session's Cookie header.</summary>
    private static async Task<string> LoginCookieAsync(HttpClient http, string baseUrl, string email, string password, CancellationToken cancellationToken)
    {
        var jar = new Dictionary<string, string>(StringComparer.Ordinal);
        using var form = await http.GetAsync(baseUrl + "/Identity/Account/Login", cancellationToken);
        form.EnsureSuccessStatusCode();
        Keep(form, jar);
        var html = await form.Content.ReadAsStringAsync(cancellationToken);
        var token = AntiforgeryField().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value)
            : throw new InvalidOperationException("No antiforgery token on the login page.");

        using var post = new HttpRequestMessage(HttpMethod.Post, baseUrl + "/Identity/Account/Login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.Email"] = email,
                ["Input.Password"] = password,
                ["__RequestVerificationToken"] = token,
            }),
        };
        post.Headers.Add("Cookie", Header(jar));
        using var answer = await http.SendAsync(post, cancellationToken);
        Keep(answer, jar);
        if (answer.StatusCode != HttpStatusCode.Redirect || !jar.Keys.Any(k => k.StartsWith(".AspNetCore.Identity.Application", StringComparison.Ordinal)))
        {
            throw new InvalidOperationException($"The login form refused {email} ({(int)answer.StatusCode}).");
        }

        return Header(jar.Where(c => !c.Key.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal)).ToDictionary());
    }

    private static void Keep(HttpResponseMessage response, Dictionary<string, string> jar)
    {
        if (response.Headers.TryGetValues("Set-Cookie", out var cookies))
        {
            foreach (var cookie in cookies)
            {
                var pair = cookie.Split(';', 2)[0];
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                jar[pair[..equals]] = pair[(equals + 1)..];
            }
        }
    }

    private static string Header(Dictionary<string, string> jar) => string.Join("; ", jar.Select(c => c.Key + "=" + c.Value));

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]*)\"")]
    private static partial Regex AntiforgeryField();
}
