using Microsoft.EntityFrameworkCore;
using UserMessages.Domain;
using UserMessages.Services;
using UserMessages.Storage;
using UserMessages.Store;
using UserMessages.Users;

namespace UserMessages.Blocking;

internal sealed class UserBlockList(
    UserMessagesDb db, IUserDirectory directory, UserMessagesErrorDescriber describer, FormerMember formerMember, PageVersions versions, TimeProvider clock) : IUserBlockList
{
    public async Task<MessagingResult> BlockAsync(string userId, string blockedUserId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        ArgumentNullException.ThrowIfNull(blockedUserId);
        if (blockedUserId == userId)
        {
            return MessagingResult.Invalid([describer.CannotBlockYourself()]);
        }

        // Only someone the user shares or shared a conversation with: the same answer for anyone else,
        // so that the form tells nothing about which accounts exist (SPEC §3.10). The id stored is the one the directory spells.
        if (!(await directory.FindByIdsAsGivenAsync([blockedUserId], cancellationToken)).TryGetValue(blockedUserId, out var blocked))
        {
            return MessagingResult.Invalid([describer.UserNotFound(blockedUserId)]);
        }

        if (blocked.Id == userId)
        {
            return MessagingResult.Invalid([describer.CannotBlockYourself()]);
        }

        if (!await db.Participants.AnyAsync(p => p.UserId == userId && p.Thread!.Participants.Any(o => o.UserId == blocked.Id), cancellationToken))
        {
            return MessagingResult.Invalid([describer.UserNotFound(blockedUserId)]);
        }

        if (!await db.Blocks.AnyAsync(b => b.BlockerId == userId && b.BlockedId == blocked.Id, cancellationToken))
        {
            db.Blocks.Add(new UserBlock { BlockerId = userId, BlockedId = blocked.Id, CreatedAt = clock.GetUtcNow().UtcDateTime });
            try
            {
                await db.Context.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Only a concurrent request blocking the same user is expected here: then the outcome is the same.
                if (!await db.Blocks.AsNoTracking().AnyAsync(b => b.BlockerId == userId && b.BlockedId == blocked.Id, cancellationToken))
                {
                    throw;
                }
            }
            finally
            {
                foreach (var entry in db.Context.ChangeTracker.Entries<UserBlock>().ToList())
                {
                    entry.State = EntityState.Detached;
                }
            }

            await versions.TouchUsersAsync([userId], cancellationToken);
        }

        return MessagingResult.Success;
    }

    public async Task<MessagingResult> UnblockAsync(string userId, string blockedUserId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        // Any spelling of the id the directory accepts (an upper-case Guid): a user's blocks are few.
        var spelled = blockedUserId.ToLowerInvariant();
        if (await db.Blocks.Where(b => b.BlockerId == userId && b.BlockedId.ToLower() == spelled).ExecuteDeleteAsync(cancellationToken) > 0)
        {
            await versions.TouchUsersAsync([userId], cancellationToken);
        }

        return MessagingResult.Success;
    }

    public async Task<IReadOnlyList<BlockedUser>> GetBlockedUsersAsync(string userId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        var rows = await db.Blocks.AsNoTracking().Where(b => b.BlockerId == userId)
            .OrderByDescending(b => b.CreatedAt).Select(b => new { b.BlockedId, b.CreatedAt })
            .ToListAsync(cancellationToken);
        var users = await directory.FindByIdsAsync(rows.Select(r => r.BlockedId).ToList(), cancellationToken);
        return rows.Select(r => new BlockedUser(formerMember.Or(users, r.BlockedId), r.CreatedAt)).ToList();
    }
}
