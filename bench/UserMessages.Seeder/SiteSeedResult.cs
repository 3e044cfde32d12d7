namespace UserMessages.Seeding;

/// <summary>What <see cref="SiteSeeder.SeedAsync"/> wrote.</summary>
/// <param name="Size">The users and messages asked for.</param>
/// <param name="Threads">Threads written.</param>
/// <param name="Participants">Participant rows written.</param>
/// <param name="UnreadParticipants">Participant rows written unread.</param>
/// <param name="Elapsed">How long it took, all phases.</param>
public sealed record SiteSeedResult(SiteSize Size, int Threads, int Participants, long UnreadParticipants, TimeSpan Elapsed);
