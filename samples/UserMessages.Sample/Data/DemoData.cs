using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using UserMessages.Services;

namespace UserMessages.Sample.Data;

/// <summary>Three demo users who have already talked, so a newcomer sees messages at once (Development only).</summary>
public static class DemoData
{
    public const string Password = "Demo-pass-1";

    public static readonly string[] Emails = ["alice@example.com", "bob@example.com", "carol@example.com"];

    /// <summary>Their public names, which the messaging pages show.</summary>
    public static readonly string[] Names = ["Alice Archer", "Bob Baker", "Carol Chen"];

    public static async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var users = services.GetRequiredService<UserManager<IdentityUser>>();
        if (users.Users.Any())
        {
            return;
        }

        var ids = new List<string>();
        foreach (var (email, name) in Emails.Zip(Names))
        {
            var user = new IdentityUser { UserName = email, Email = email, EmailConfirmed = true };
            var created = await SampleUsers.CreateAsync(users, user, name, Password);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException("Could not create the demo users: " + string.Join(" ", created.Errors.Select(e => e.Description)));
            }

            ids.Add(user.Id);
        }

        var (alice, bob, carol) = (ids[0], ids[1], ids[2]);

        // Alice moderates: a role claim is all the package's default moderator rule (the role "Moderator") needs.
        await users.AddClaimAsync((await users.FindByIdAsync(alice))!, new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.Role, "Moderator"));
        var messages = services.GetRequiredService<IUserMessagesService>();

        var welcome = await StartAsync(messages, new NewThreadRequest(bob, [alice], "Welcome to the site!", "Hi Alice,\nglad you joined. Ask me anything about the project."), cancellationToken);
        await ReplyAsync(messages, alice, welcome, "Thanks Bob! Where do I find the meeting notes?", cancellationToken);
        await ReplyAsync(messages, bob, welcome, "They are in the shared folder, under \"2026\".\nI'll send you the link.", cancellationToken);

        var lunch = await StartAsync(messages, new NewThreadRequest(carol, [alice, bob], "Lunch on Friday?", "The new place on Main Street, 12:30? Tell me by Thursday."), cancellationToken);
        await ReplyAsync(messages, bob, lunch, "Count me in.", cancellationToken);

        // Carol had not written to Alice before: the lunch thread came to her as a message request, which she accepted.
        if (services.GetRequiredService<IOptions<UserMessagesOptions>>().Value.MessageRequests
            && !(await messages.ApplyToThreadsAsync(alice, ThreadAction.Accept, [lunch], cancellationToken)).Succeeded)
        {
            throw new InvalidOperationException("Could not accept the demo request.");
        }

        await StartAsync(messages, new NewThreadRequest(alice, [carol], "Slides for Monday", "Carol, could you look over my slides before Monday?"), cancellationToken);
    }

    private static async Task<long> StartAsync(IUserMessagesService messages, NewThreadRequest request, CancellationToken cancellationToken)
    {
        var result = await messages.StartThreadAsync(request, cancellationToken);
        return result.Succeeded ? result.Value!.ThreadId : throw new InvalidOperationException("Could not create a demo thread.");
    }

    private static async Task ReplyAsync(IUserMessagesService messages, string userId, long threadId, string content, CancellationToken cancellationToken)
    {
        var result = await messages.ReplyAsync(userId, threadId, content, cancellationToken);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Could not create a demo reply.");
        }
    }
}
