using UserMessages.IntegrationTests.Infrastructure;

namespace UserMessages.IntegrationTests.Site;

/// <summary>
/// Issue 5: the avatars the package writes into thread rows and messages (without a partial view
/// each) are the initial and colour of the right person.
/// </summary>
public sealed class AvatarPagesTests : MessagingTest, IClassFixture<SharedApp>
{
    public AvatarPagesTests(SharedApp app)
        : base(app)
    {
    }

    [Fact]
    public async Task InboxRow_ShowsTheLatestWritersAvatar_AndEachMessageItsSenders()
    {
        var threadId = await Alice.StartThreadAsync(Bob.UserName, "Faces", "Hello Bob");
        await Bob.ReplyAsync(threadId, "Hello Alice");

        var inbox = await Alice.GetPageAsync(Paths.Inbox);
        var thread = await Alice.GetPageAsync(Paths.Thread(threadId));

        AssertAvatarOf(Bob.DisplayName, inbox.ThreadRow(threadId)!.QuerySelectorAll(".um-avatar").Single());
        var messages = thread.Document.QuerySelectorAll("#um-messages .um-message").ToList();
        Assert.Equal(2, messages.Count);
        AssertAvatarOf(Alice.DisplayName, messages[0].QuerySelectorAll(".um-avatar").Single());
        AssertAvatarOf(Bob.DisplayName, messages[1].QuerySelectorAll(".um-avatar").Single());
    }

    private static void AssertAvatarOf(string name, AngleSharp.Dom.IElement avatar)
    {
        Assert.Equal(char.ToUpperInvariant(name[0]).ToString(), avatar.TextContent);
        Assert.Equal((name.Sum(c => (int)c) % 6).ToString(System.Globalization.CultureInfo.InvariantCulture), avatar.GetAttribute("data-um-hue"));
        Assert.Equal("true", avatar.GetAttribute("aria-hidden"));
    }
}
