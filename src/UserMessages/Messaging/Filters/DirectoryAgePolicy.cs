using Microsoft.Extensions.Options;
using UserMessages.Users;

namespace UserMessages.Filters;

/// <summary>The default new-account rule: the directory's creation date is less than <c>NewAccounts.Age</c> ago (no date: not new).</summary>
internal sealed class DirectoryAgePolicy(IUserDirectory directory, IOptions<UserMessagesOptions> options, TimeProvider clock) : INewAccountPolicy
{
    public async ValueTask<bool> IsNewAsync(string userId, CancellationToken cancellationToken)
    {
        var age = options.Value.NewAccounts.Age;
        return age > TimeSpan.Zero
            && await directory.GetAccountCreatedAtAsync(userId, cancellationToken) is { } created
            && created > clock.GetUtcNow().UtcDateTime - age;
    }
}
