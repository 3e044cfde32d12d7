using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using UserMessages.HostTests.Infrastructure;

namespace UserMessages.HostTests;

/// <summary>
/// Issue 20, items 6, 7 and 10: the README's steps for a site without Identity, in the site <c>dotnet new webapp</c>
/// makes, given members with Guid ids and a cookie sign-in of its own; messages addressed by an id in upper case.
/// </summary>
[Collection(HostsCollection.Name)]
public sealed class MembersSiteHostTests(PackageFeed feed)
{
    private static readonly Guid Alice = Guid.Parse("5a1d3c4e-7b2f-4c1d-9e8f-a1b2c3d4e5f6");
    private static readonly Guid Bob = Guid.Parse("fd340a2e-9c1b-4e7a-8d6f-0b1c2d3e4f5a");

    [Fact]
    public async Task TheReadmesStepsWithoutIdentity_GiveAWorkingInbox_AddressedByGuidsInUpperCase()
    {
        var site = await TemplateSite.CreateAsync(feed, "members", "webapp");
        await AddTheSitesOwnMembersAndSignInAsync(site);
        var steps = TemplateSite.StepsOfItsOwn("members");
        foreach (var step in steps.Where(s => !TemplateSite.IsMigration(s)))
        {
            await site.ApplyAsync(step);
        }

        await site.BuildAsync();
        await site.ApplyAsync(steps.Single(TemplateSite.IsMigration));

        // The core package alone: nothing of Identity's EF Core stores comes with it.
        var assets = await File.ReadAllTextAsync(Path.Combine(site.Folder, "obj", "project.assets.json"));
        Assert.Contains("\"UserMessages/", assets, StringComparison.Ordinal);
        Assert.DoesNotContain("Microsoft.AspNetCore.Identity.EntityFrameworkCore", assets, StringComparison.Ordinal);
        Assert.DoesNotContain("UserMessages.Identity", assets, StringComparison.Ordinal);

        await using var running = await site.StartAsync();
        using var alice = running.NewVisitor("alice");
        using var bob = running.NewVisitor("bob");
        await SignInAsync(alice);
        await SignInAsync(bob);

        // A compose link to Bob's id in upper case comes with Bob chosen, by his display name, under the site's spelling of his id.
        var compose = await alice.GetPageAsync($"/messages/create/{Upper(Bob)}");
        var chosen = compose.Single("#um-to-chosen input[name=ToId]");
        Assert.Equal(Bob.ToString(), chosen.GetAttribute("value"));
        Assert.Equal("Bob Baker", chosen.ParentElement!.TextContent.Trim());
        Assert.Equal("Pick people as you type their name, or type a user name; separate several with commas.", compose.Single("#um-to-hint").TextContent);
        var sent = await alice.Browser.SubmitFormAsync(compose, "#um-compose-form", new Dictionary<string, string>
        {
            ["Subject"] = "Boat trip",
            ["Content"] = "Are you coming on Sunday?",
        });
        var thread = await alice.Browser.FollowRedirectAsync(sent);
        Assert.Equal(HttpStatusCode.OK, thread.Status);
        Assert.Contains("Bob Baker", thread.Single("#um-participants").TextContent, StringComparison.Ordinal);

        // The API's "to" with the same id in upper case.
        var created = await PostJsonAsync(alice, "/messages/api/threads", new { to = new[] { Upper(Bob) }, subject = "Tickets", content = "I have two." });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());

        // Both are message requests (they have not written before); Bob accepts them, finds them in his inbox from
        // Alice by her display name, replies, and Alice reads it.
        await Conversation.AcceptRequestsAsync(bob, "/messages", expected: 2);
        var inbox = await bob.GetPageAsync("/messages");
        var rows = inbox.Document.QuerySelectorAll("#um-thread-list a.um-thread__link").ToList();
        Assert.Equal(["Tickets", "Boat trip"], rows.Select(r => r.QuerySelector(".um-thread__subject")!.TextContent.Replace("Unread:", string.Empty, StringComparison.Ordinal).Trim()));
        Assert.All(rows, r => Assert.Equal("Alice Archer", r.QuerySelector(".um-thread__people")!.TextContent.Trim()));
        Assert.Equal(2, (await bob.Browser.Http.GetFromJsonAsync<JsonElement>("/messages/api/unread-count")).GetProperty("count").GetInt32());
        var bobsThread = await bob.GetPageAsync(rows[1].GetAttribute("href")!);
        var replied = await bob.Browser.SubmitFormAsync(bobsThread, "#um-reply-form", new Dictionary<string, string> { ["Content"] = "Yes, with a picnic." });
        Assert.Equal(HttpStatusCode.Redirect, replied.StatusCode);
        var read = await alice.GetPageAsync(sent.Headers.Location!.OriginalString);
        var messages = read.Document.QuerySelectorAll("[data-um-message-id] .um-message__content").Select(m => m.TextContent.Trim()).ToList();
        Assert.Equal(["Are you coming on Sunday?", "Yes, with a picnic."], messages);
        Assert.Contains("Bob Baker", read.Document.QuerySelectorAll("[data-um-message-id]").Last().TextContent, StringComparison.Ordinal);
    }

    /// <summary>
    /// What the README assumes the site has before it adds messaging: EF Core with SQLite, its members (seeded here),
    /// and a cookie sign-in whose NameIdentifier claim is the member's id (in upper case, as some sites write Guids).
    /// </summary>
    private static async Task AddTheSitesOwnMembersAndSignInAsync(TemplateSite site)
    {
        await site.RunCommandsAsync("""
            dotnet add package Microsoft.EntityFrameworkCore.Sqlite --version 10.0.15
            dotnet add package Microsoft.EntityFrameworkCore.Design --version 10.0.15
            """);
        await site.EditAsync("Program.cs", "var builder = WebApplication.CreateBuilder(args);", """
            using System.Security.Claims;
            using Microsoft.AspNetCore.Authentication;
            using Microsoft.AspNetCore.Authentication.Cookies;
            using Microsoft.EntityFrameworkCore;
            using MyApp.Data;

            var builder = WebApplication.CreateBuilder(args);
            """);
        await site.EditAsync("Program.cs", "builder.Services.AddRazorPages();", """
            builder.Services.AddRazorPages();
            builder.Services.AddDbContext<SiteDbContext>(options => options.UseSqlite("Data Source=site.db"));
            builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie();
            """);
        await site.EditAsync("Program.cs", "var app = builder.Build();", $$"""
            var app = builder.Build();
            using (var scope = app.Services.CreateScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<SiteDbContext>();
                if (!db.Members.Any())
                {
                    db.Members.Add(new Member { Id = Guid.Parse("{{Alice}}"), UserName = "alice", DisplayName = "Alice Archer" });
                    db.Members.Add(new Member { Id = Guid.Parse("{{Bob}}"), UserName = "bob", DisplayName = "Bob Baker" });
                    db.SaveChanges();
                }
            }
            """);
        await site.EditAsync("Program.cs", "app.Run();", """
            app.MapGet("/sign-in/{userName}", async (string userName, SiteDbContext db, HttpContext http) =>
            {
                var member = await db.Members.SingleAsync(m => m.UserName == userName);
                var claims = new[] { new Claim(ClaimTypes.NameIdentifier, member.Id.ToString().ToUpperInvariant()), new Claim(ClaimTypes.Name, member.DisplayName) };
                await http.SignInAsync(new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme)));
                return Results.Redirect("/");
            });

            app.Run();
            """);
    }

    private static async Task SignInAsync(Visitor visitor)
    {
        var signedIn = await visitor.Browser.Http.GetAsync($"/sign-in/{visitor.Email}");
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
    }

    private static async Task<HttpResponseMessage> PostJsonAsync(Visitor visitor, string path, object body)
    {
        var antiforgery = await visitor.Browser.Http.GetFromJsonAsync<JsonElement>("/messages/api/antiforgery");
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add(antiforgery.GetProperty("headerName").GetString()!, antiforgery.GetProperty("token").GetString());
        return await visitor.Browser.Http.SendAsync(request);
    }

    private static string Upper(Guid id) => id.ToString().ToUpperInvariant();
}
