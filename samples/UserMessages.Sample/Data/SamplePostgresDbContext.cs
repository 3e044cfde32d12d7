using Microsoft.EntityFrameworkCore;

namespace UserMessages.Sample.Data;

/// <summary>
/// The same model on PostgreSQL. A type of its own so that its migrations (Data/PostgresMigrations)
/// stay apart from the SQLite ones; the app still asks for <see cref="SampleDbContext"/>.
/// </summary>
public sealed class SamplePostgresDbContext(DbContextOptions<SamplePostgresDbContext> options) : SampleDbContext(options);
