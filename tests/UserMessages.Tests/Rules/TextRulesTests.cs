using UserMessages.Services;
using UserMessages.Tests.Infrastructure;

namespace UserMessages.Tests.Rules;

/// <summary>Issue 18 §5 and §6: subjects are one line; no text with control characters is stored, through any caller of the service.</summary>
public sealed class TextRulesTests
{
    [Theory]
    [InlineData("Hi\r\nBcc: x@example.com")]
    [InlineData("Hi\nthere")]
    [InlineData("Tab\there")]
    [InlineData("Bell\u0007")]
    [InlineData("Next\u0085line")]
    [InlineData("Para\u2029graph")]
    [InlineData("half of a surrogate pair")]
    public async Task ASubjectThatIsNotOneLineOfText_IsRefused_AndNothingIsSaved(string subject)
    {
        subject = Unpaired(subject);
        await using var host = await MessagingHost.StartAsync();
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");

        var result = await host.WithServiceAsync(s => s.StartThreadAsync(new NewThreadRequest(alice, [bob], subject, "Hello")));

        Assert.Equal(MessagingStatus.Invalid, result.Status);
        var error = Assert.Single(result.Errors);
        Assert.Equal(("SubjectNotOneLine", "Subject"), (error.Code, error.Field));
        Assert.Equal(new RowCounts(0, 0, 0), await host.RowCountsAsync());
    }

    [Theory]
    [InlineData("Hello\0world")]
    [InlineData("Escape \u001b[31m red")]
    [InlineData("half of a surrogate pair")]
    public async Task AMessageWithAControlCharacter_IsRefused_InANewThreadAndAReply(string content)
    {
        content = Unpaired(content);
        await using var host = await MessagingHost.StartAsync();
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");
        var sent = await host.SendAsync(alice, [bob]);

        var started = await host.WithServiceAsync(s => s.StartThreadAsync(new NewThreadRequest(alice, [bob], "Hi", content)));
        var replied = await host.WithServiceAsync(s => s.ReplyAsync(bob, sent.ThreadId, content));

        Assert.Equal("ContentHasControlCharacters", Assert.Single(started.Errors).Code);
        Assert.Equal("ContentHasControlCharacters", Assert.Single(replied.Errors).Code);
        Assert.Single((await host.ThreadAsync(bob, sent.ThreadId)).Messages);
    }

    [Fact]
    public async Task LineBreaksTabsAndWholeSurrogatePairs_AreKept()
    {
        await using var host = await MessagingHost.StartAsync();
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");

        var sent = await host.SendAsync(alice, [bob], subject: "Party \ud83c\udf89", content: "One\n\tTwo \ud83c\udf89");

        var thread = await host.ThreadAsync(bob, sent.ThreadId);
        Assert.Equal("Party \ud83c\udf89", thread.Subject);
        Assert.Equal("One\n\tTwo \ud83c\udf89", thread.Messages[0].Content);
    }

    /// <summary>Half a surrogate pair does not survive the test data's serialization: it is made here.</summary>
    private static string Unpaired(string text) => text == "half of a surrogate pair" ? "Half " + '\ud83d' + " pair" : text;
}
