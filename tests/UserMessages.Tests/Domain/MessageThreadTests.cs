using UserMessages.Domain;

namespace UserMessages.Tests.Domain;

/// <summary>The original's Thread helpers, on plain objects: first and latest message by date, and ordering by latest activity.</summary>
public sealed class MessageThreadTests
{
    private static readonly DateTime Monday = new(2024, 5, 6, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void FirstMessage_IsTheEarliestByDate_WhateverTheOrderTheyWereLoadedIn()
    {
        var thread = ThreadWith(Message(3, Monday.AddHours(2)), Message(1, Monday), Message(2, Monday.AddHours(1)));

        Assert.Equal(1, thread.FirstMessage!.Id);
    }

    [Fact]
    public void LatestMessage_IsTheNewestByDate_WhateverTheOrderTheyWereLoadedIn()
    {
        var thread = ThreadWith(Message(2, Monday.AddHours(3)), Message(1, Monday), Message(3, Monday.AddHours(1)));

        Assert.Equal(2, thread.LatestMessage!.Id);
    }

    [Fact]
    public void FirstAndLatestMessage_OfAThreadWithNoLoadedMessages_AreNull()
    {
        var thread = new MessageThread();

        Assert.Null(thread.FirstMessage);
        Assert.Null(thread.LatestMessage);
    }

    [Fact]
    public void FirstAndLatestMessage_OfAThreadWithOneMessage_AreThatMessage()
    {
        var only = Message(7, Monday);
        var thread = ThreadWith(only);

        Assert.Same(only, thread.FirstMessage);
        Assert.Same(only, thread.LatestMessage);
    }

    [Fact]
    public void Ordered_PutsTheThreadWithTheNewestLatestMessageFirst()
    {
        var quiet = ThreadWith(Message(1, Monday), Message(2, Monday.AddDays(1)));
        quiet.Id = 1;
        var busy = ThreadWith(Message(3, Monday.AddHours(1)), Message(4, Monday.AddDays(3)));
        busy.Id = 2;
        var middle = ThreadWith(Message(5, Monday.AddDays(2)));
        middle.Id = 3;

        var ordered = MessageThread.Ordered([quiet, busy, middle]).ToList();

        Assert.Equal([busy, middle, quiet], ordered);
    }

    [Fact]
    public void Ordered_UsesTheStoredLatestMessageTime_WhenMessagesAreNotLoaded()
    {
        var older = new MessageThread { Id = 1, LatestMessageAt = Monday };
        var newer = new MessageThread { Id = 2, LatestMessageAt = Monday.AddMinutes(1) };

        Assert.Equal([newer, older], MessageThread.Ordered([older, newer]));
    }

    [Fact]
    public void Ordered_RejectsNull()
        => Assert.Throws<ArgumentNullException>(() => MessageThread.Ordered(null!));

    private static MessageThread ThreadWith(params Message[] messages) => new() { Messages = messages.ToList() };

    private static Message Message(long id, DateTime sentAt) => new() { Id = id, SentAt = sentAt, Content = $"Message {id}" };
}
