using System.Collections.Concurrent;

namespace UserMessages.IntegrationTests.Infrastructure;

/// <summary>
/// The user names of the users the tests created, by id, so the test authentication handler can
/// name a user without a database query (which would show up in the statement counts).
/// </summary>
public sealed class TestUserNames
{
    private readonly ConcurrentDictionary<string, string> names = new(StringComparer.Ordinal);

    public void Add(TestUser user) => names[user.Id] = user.UserName;

    public string NameOf(string userId) => names.TryGetValue(userId, out var name) ? name : userId;
}
