using Microsoft.EntityFrameworkCore;

namespace UserMessages.Sample.Data;

/// <summary>
/// The same model on MariaDB or MySQL, created from the model rather than migrated (see
/// <see cref="SampleHosting.MigrateOrCreateAsync"/>); the app still asks for <see cref="SampleDbContext"/>.
/// </summary>
public sealed class SampleMariaDbContext(DbContextOptions<SampleMariaDbContext> options) : SampleDbContext(options);
