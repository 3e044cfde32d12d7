namespace UserMessages.Seeding;

/// <summary>
/// How much the load seeder writes: <see cref="Users"/> users, each in <see cref="ThreadsPerUser"/>
/// two-person threads of <see cref="MessagesPerThread"/> messages.
/// </summary>
public sealed record SeedSize(int Users, int ThreadsPerUser, int MessagesPerThread)
{
    /// <summary>Every thread has two users, so there are half as many threads as places in them.</summary>
    public long Threads => (long)Users * ThreadsPerUser / 2;

    public long Messages => Threads * MessagesPerThread;

    /// <summary>Why this size cannot be seeded, or <see langword="null"/> when it can.</summary>
    public string? Problem()
    {
        if (Users < 2)
        {
            return "--users must be at least 2 (every thread is between two users).";
        }

        if (ThreadsPerUser < 1)
        {
            return "--threads-per-user must be at least 1.";
        }

        if (MessagesPerThread < 1)
        {
            return "--messages-per-thread must be at least 1.";
        }

        if ((long)Users * ThreadsPerUser % 2 != 0)
        {
            return $"--users × --threads-per-user must be even (every thread has two users): {Users} × {ThreadsPerUser} is odd.";
        }

        return Threads > int.MaxValue || Messages > int.MaxValue ? "That is more than 2,147,483,647 threads or messages." : null;
    }
}
