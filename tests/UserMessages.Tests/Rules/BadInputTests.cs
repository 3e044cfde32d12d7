using UserMessages.Services;
using UserMessages.Tests.Infrastructure;

namespace UserMessages.Tests.Rules;

/// <summary>SPEC §3.8: bad input is refused with the field it is about, and nothing is saved.</summary>
public sealed class BadInputTests
{
    private const int SmallMaxContentLength = 20;

    [Theory]
    [InlineData("EmptySubject", "Subject", "SubjectRequired")]
    [InlineData("WhitespaceSubject", "Subject", "SubjectRequired")]
    [InlineData("SubjectOf151Characters", "Subject", "SubjectTooLong")]
    [InlineData("EmptyContent", "Content", "ContentRequired")]
    [InlineData("WhitespaceContent", "Content", "ContentRequired")]
    [InlineData("ContentOverTheMaximum", "Content", "ContentTooLong")]
    [InlineData("NoRecipients", "Recipients", "RecipientsRequired")]
    [InlineData("BlankRecipientIds", "Recipients", "RecipientsRequired")]
    public async Task StartThread_WithBadInput_IsInvalidForThatField_AndSavesNothing(string badInput, string field, string code)
    {
        await using var host = await MessagingHost.StartAsync(o => o.MaxContentLength = SmallMaxContentLength);
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");
        var request = new NewThreadRequest(alice, [bob], "A fine subject", "Fine content");
        request = badInput switch
        {
            "EmptySubject" => request with { Subject = string.Empty },
            "WhitespaceSubject" => request with { Subject = " \t\r\n " },
            "SubjectOf151Characters" => request with { Subject = new string('s', 151) },
            "EmptyContent" => request with { Content = string.Empty },
            "WhitespaceContent" => request with { Content = "  \r\n\t  \n" },
            "ContentOverTheMaximum" => request with { Content = new string('c', SmallMaxContentLength + 1) },
            "NoRecipients" => request with { RecipientIds = [] },
            "BlankRecipientIds" => request with { RecipientIds = [string.Empty, "   "] },
            _ => throw new ArgumentOutOfRangeException(nameof(badInput)),
        };

        var result = await host.WithServiceAsync(s => s.StartThreadAsync(request));

        Assert.Equal(MessagingStatus.Invalid, result.Status);
        var error = Assert.Single(result.Errors);
        Assert.Equal(field, error.Field);
        Assert.Equal(code, error.Code);
        Assert.False(string.IsNullOrWhiteSpace(error.Description));
        Assert.Equal(new RowCounts(0, 0, 0), await host.RowCountsAsync());
    }

    [Fact]
    public async Task StartThread_WithSeveralProblems_ReportsThemAllAtOnce()
    {
        await using var host = await MessagingHost.StartAsync();
        var alice = await host.CreateUserAsync("alice");

        var result = await host.WithServiceAsync(s => s.StartThreadAsync(new NewThreadRequest(alice, [], " ", " ")));

        Assert.Equal(MessagingStatus.Invalid, result.Status);
        Assert.Equal(["Content", "Recipients", "Subject"], result.Errors.Select(e => e.Field).Order());
        Assert.Equal(new RowCounts(0, 0, 0), await host.RowCountsAsync());
    }

    [Fact]
    public async Task StartThread_AtTheLimits_IsAccepted()
    {
        await using var host = await MessagingHost.StartAsync(o => o.MaxContentLength = SmallMaxContentLength);
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");
        var subject = new string('s', 150);

        var sent = await host.SendAsync(alice, [bob], subject: "  " + subject + "  ", content: new string('c', SmallMaxContentLength));

        Assert.Equal(subject, (await host.ThreadAsync(bob, sent.ThreadId)).Subject);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" \r\n\t ")]
    [InlineData("This reply is longer than twenty characters")]
    public async Task Reply_WithBadContent_IsInvalidForContent_AndSavesNothing(string content)
    {
        await using var host = await MessagingHost.StartAsync(o => o.MaxContentLength = SmallMaxContentLength);
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");
        var sent = await host.SendAsync(alice, [bob], content: "Hi");
        var before = await host.RowCountsAsync();

        var result = await host.WithServiceAsync(s => s.ReplyAsync(bob, sent.ThreadId, content));

        Assert.Equal(MessagingStatus.Invalid, result.Status);
        Assert.Equal("Content", Assert.Single(result.Errors).Field);
        Assert.Equal(before, await host.RowCountsAsync());
        Assert.True((await host.ParticipantAsync(sent.ThreadId, bob)).IsUnread);
        Assert.False((await host.ParticipantAsync(sent.ThreadId, alice)).IsUnread);
    }
}
