namespace UserMessages.Seeding;

/// <summary>How much <see cref="SiteSeeder"/> writes: <see cref="Users"/> users and exactly <see cref="Messages"/> messages.</summary>
public sealed record SiteSize(int Users, int Messages)
{
    /// <summary>Why this size cannot be seeded, or <see langword="null"/> when it can.</summary>
    public string? Problem()
        => Users < 2 ? "--users must be at least 2 (every thread is between two users or more)."
            : Messages < 1 ? "--messages must be at least 1."
            : null;
}
