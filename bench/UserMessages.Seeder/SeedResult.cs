namespace UserMessages.Seeding;

/// <summary>What <see cref="LoadSeeder.SeedAsync"/> wrote.</summary>
/// <param name="Size">The users, threads per user and messages per thread asked for.</param>
/// <param name="UsersCreated">Seeded users who did not exist yet.</param>
/// <param name="UsersReused">Seeded users who existed already (their threads are added to what they had).</param>
/// <param name="UnreadParticipants">Participant rows written unread, one per unread thread.</param>
/// <param name="Elapsed">How long it took.</param>
public sealed record SeedResult(SeedSize Size, int UsersCreated, int UsersReused, long UnreadParticipants, TimeSpan Elapsed);
