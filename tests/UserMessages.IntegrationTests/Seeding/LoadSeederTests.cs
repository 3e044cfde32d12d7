using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using UserMessages.Domain;
using UserMessages.IntegrationTests.Api;
using UserMessages.IntegrationTests.Infrastructure;
using UserMessages.Seeding;
using UserMessages.Services;

namespace UserMessages.IntegrationTests.Seeding;

/// <summary>
/// The load seeder (bench/UserMessages.Seeder): 4 users × 3 threads × 5 messages, then what the seeded users
/// see through the real sign-in, the pages, the API and the service.
/// </summary>
public sealed class LoadSeederTests : IAsyncLifetime
{
    private const int Users = 4;
    private const int ThreadsPerUser = 3;
    private const int MessagesPerThread = 5;
    private static readonly SeedSize Size = new(Users, ThreadsPerUser, MessagesPerThread);
    private static readonly string[] SeedArgs =
        ["--users", $"{Users}", "--threads-per-user", $"{ThreadsPerUser}", "--messages-per-thread", $"{MessagesPerThread}"];

    private readonly MessagesFactory app = new(testAuthentication: false);

    [Fact]
    public async Task SeedCommand_SaysWhatItWrote_AndExitsWithZero()
    {
        var (exitCode, output, errors) = await RunSeedAsync(SeedArgs);

        Assert.Equal(0, exitCode);
        Assert.Equal(string.Empty, errors);
        Assert.Contains("4 users (4 created, 0 already there), 6 threads (3 per user", output, StringComparison.Ordinal);
        Assert.Contains("30 messages (5 per thread)", output, StringComparison.Ordinal);
        Assert.Contains(LoadSeeder.Password, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EverySeededUser_SignsInWithThePassword_AndSeesTheirThreadsAndUnreadCount()
    {
        Assert.Equal(0, (await RunSeedAsync(SeedArgs)).ExitCode);
        var expectedUnread = ExpectedUnreadPerUser();

        for (var number = 1; number <= Users; number++)
        {
            using var browser = await SignInAsync(LoadSeeder.Email(number));
            var inbox = await browser.GetPageAsync(Paths.Inbox);

            Assert.Equal(HttpStatusCode.OK, inbox.Status);
            Assert.Equal(ThreadsPerUser, inbox.RowIds().Distinct().Count());
            var unreadRows = inbox.Document.QuerySelectorAll("#um-thread-list [data-um-unread='true']").Length;
            Assert.Equal(expectedUnread[number - 1], unreadRows);
            Assert.Equal(expectedUnread[number - 1], inbox.UnreadBadgeCount);
        }

        // A realistic mix: some threads wait to be read, not all.
        Assert.InRange(expectedUnread.Sum(), 1, Size.Threads - 1);
    }

    [Fact]
    public async Task ASeededThreadPage_ShowsItsMessagesInOrder_FromBothUsersInTurn()
    {
        Assert.Equal(0, (await RunSeedAsync(SeedArgs)).ExitCode);
        using var browser = await SignInAsync(LoadSeeder.Email(1));
        var threadId = (await browser.GetPageAsync(Paths.Inbox)).RowIds()[0];

        var page = await browser.GetPageAsync(Paths.Thread(threadId));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var contents = page.Document.QuerySelectorAll(".um-message .um-message__content").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(Enumerable.Range(1, MessagesPerThread).Select(n => $"({n}/{MessagesPerThread})"), contents.Select(c => c[c.LastIndexOf('(')..]));
        var senders = page.Document.QuerySelectorAll(".um-message .um-message__sender").Select(s => s.TextContent.Trim()).ToList();
        Assert.Equal(2, senders.Distinct().Count());
        Assert.All(senders.Zip(senders.Skip(1)), pair => Assert.NotEqual(pair.First, pair.Second));
        var times = page.Document.QuerySelectorAll(".um-message .um-message__time").Select(t => DateTime.Parse(t.GetAttribute("datetime")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(times.Order(), times);
        Assert.Equal(MessagesPerThread, times.Distinct().Count());
    }

    [Fact]
    public async Task ASeededUser_GetsABearerToken_WithThePassword_AndTheApiCountsTheirUnreadThreads()
    {
        Assert.Equal(0, (await RunSeedAsync(SeedArgs)).ExitCode);
        using var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

        var login = await client.PostAsJsonAsync("/identity/login", new { email = LoadSeeder.Email(3), password = LoadSeeder.Password });

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        using var token = JsonDocument.Parse(await login.Content.ReadAsStringAsync());
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.RootElement.GetProperty("accessToken").GetString());
        using var count = JsonDocument.Parse(await client.GetStringAsync(ApiSteps.UnreadCount));
        Assert.Equal(ExpectedUnreadPerUser()[2], count.RootElement.GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task SeededThreads_TakeRepliesAndNewThreads_LikeThreadsSentThroughTheService()
    {
        Assert.Equal(0, (await RunSeedAsync(SeedArgs)).ExitCode);
        var (user1, user2) = (await UserIdAsync(1), await UserIdAsync(2));
        var seeded = await InServiceAsync(s => s.GetFolderAsync(user1, MailboxFolder.Inbox, PageRequest.Newest));
        var oldest = seeded.Value!.Threads[^1];
        var partner = oldest.OtherParticipants.Single().Id;

        var reply = await InServiceAsync(s => s.ReplyAsync(user1, oldest.ThreadId, "Back to this one."));
        var started = await InServiceAsync(s => s.StartThreadAsync(new NewThreadRequest(user1, [user2], "New after seeding", "Hello")));

        Assert.True(reply.Succeeded);
        Assert.True(started.Succeeded);
        var partnerInbox = await InServiceAsync(s => s.GetFolderAsync(partner, MailboxFolder.Inbox, PageRequest.Newest));
        var top = partnerInbox.Value!.Threads.First(t => t.ThreadId != started.Value!.ThreadId);
        Assert.Equal(oldest.ThreadId, top.ThreadId);
        Assert.True(top.IsUnread);
        var thread = await InServiceAsync(s => s.GetThreadAsync(partner, oldest.ThreadId, PageRequest.Newest));
        Assert.Equal(MessagesPerThread + 1, thread.Value!.Messages.Count);
        Assert.Equal("Back to this one.", thread.Value.Messages[^1].Content);
        Assert.Equal(ThreadsPerUser + 1, (await InServiceAsync(s => s.GetFolderAsync(user2, MailboxFolder.Inbox, PageRequest.Newest))).Value!.Threads.Count);
    }

    [Fact]
    public async Task AUserWhoExistsAlready_IsReused_AndKeepsTheirPassword()
    {
        const string ownPassword = "Own-pass-2";
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
            var email = LoadSeeder.Email(2);
            Assert.True((await users.CreateAsync(new IdentityUser { UserName = email, Email = email }, ownPassword)).Succeeded);
        }

        var (exitCode, output, _) = await RunSeedAsync(SeedArgs);

        Assert.Equal(0, exitCode);
        Assert.Contains("4 users (3 created, 1 already there)", output, StringComparison.Ordinal);
        using var browser = await SignInAsync(LoadSeeder.Email(2), ownPassword);
        Assert.Equal(ThreadsPerUser, (await browser.GetPageAsync(Paths.Inbox)).RowIds().Count);
    }

    [Theory]
    [InlineData("--users 4 --threads-per-user 3", "--messages-per-thread is missing")]
    [InlineData("--users 1 --threads-per-user 3 --messages-per-thread 5", "--users must be at least 2")]
    [InlineData("--users 3 --threads-per-user 3 --messages-per-thread 5", "must be even")]
    [InlineData("--users 4 --threads-per-user 0 --messages-per-thread 5", "--threads-per-user must be at least 1")]
    [InlineData("--users 4 --threads-per-user x --messages-per-thread 5", "--threads-per-user needs a whole number")]
    [InlineData("--users 4 --threads-per-user 3 --messages-per-thread 5 --colour blue", "Unknown option '--colour'")]
    [InlineData("--users 4 --users 5 --threads-per-user 3 --messages-per-thread 5", "--users is given twice")]
    [InlineData("4 3 5", "Unexpected argument '4'")]
    public async Task SeedCommand_RefusesBadArguments_WithExitCode2_AndWritesNothing(string args, string error)
    {
        var (exitCode, output, errors) = await RunSeedAsync(args.Split(' '));

        Assert.Equal(SeedCommand.BadArguments, exitCode);
        Assert.Equal(string.Empty, output);
        Assert.Contains(error, errors, StringComparison.Ordinal);
        Assert.Contains(SeedCommand.Usage, errors, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task SeedCommand_LeavesConfigurationArgumentsToTheHost()
    {
        var (exitCode, _, errors) = await RunSeedAsync([.. SeedArgs, "--Messages:Provider=Sqlite", "--environment", "Development"]);

        Assert.Equal(0, exitCode);
        Assert.Equal(string.Empty, errors);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await app.DisposeAsync();

    /// <summary>With an odd number of messages the starter writes last: the partner has the thread unread when the seeder says so.</summary>
    private static int[] ExpectedUnreadPerUser()
    {
        var unread = new int[Users];
        var index = 0L;
        foreach (var (starter, partner) in LoadSeeder.Pairs(Size))
        {
            unread[MessagesPerThread % 2 == 1 ? partner : starter] += LoadSeeder.IsUnread(index++) ? 1 : 0;
        }

        return unread;
    }

    private async Task<(int ExitCode, string Output, string Errors)> RunSeedAsync(string[] args)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var exitCode = await SeedCommand.RunAsync(app.Services, args, output, errors);
        return (exitCode, output.ToString(), errors.ToString());
    }

    private async Task<BrowserClient> SignInAsync(string email, string password = LoadSeeder.Password)
    {
        var browser = app.CreateBrowser();
        var login = await browser.GetPageAsync("/Identity/Account/Login");
        var response = await browser.SubmitFormAsync(login, "#account", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var home = await browser.FollowRedirectAsync(response);
        Assert.Equal(email, home.Single("#signed-in-as").TextContent.Trim());
        return browser;
    }

    private Task<string> UserIdAsync(int number)
        => app.WithDbAsync(db => db.Users.Where(u => u.Email == LoadSeeder.Email(number)).Select(u => u.Id).SingleAsync());

    private async Task<T> InServiceAsync<T>(Func<IUserMessagesService, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<IUserMessagesService>());
    }
}
