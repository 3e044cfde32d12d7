using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace UserMessages.Storage;

/// <summary>Stores UTC times as they are and reads them back marked as UTC (SQLite forgets the kind).</summary>
internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : DateTime.SpecifyKind(v, DateTimeKind.Utc),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
