using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using UserMessages.Domain;

namespace UserMessages.Storage;

internal sealed class UserBlockConfiguration(UserMessagesStoreOptions options) : IEntityTypeConfiguration<UserBlock>
{
    public void Configure(EntityTypeBuilder<UserBlock> builder)
    {
        var table = options.TablePrefix + "Blocks";
        builder.ToTable(table, options.Schema);
        builder.HasKey(b => new { b.BlockerId, b.BlockedId }).HasName("PK_" + table);
        builder.Property(b => b.BlockerId).HasMaxLength(UserIdColumn.For(builder.Metadata.Model));
        builder.Property(b => b.BlockedId).HasMaxLength(UserIdColumn.For(builder.Metadata.Model));
        builder.Property(b => b.CreatedAt).HasConversion<UtcDateTimeConverter>();

        // "Who has blocked me?" for suggestions and sending.
        builder.HasIndex(b => b.BlockedId).HasDatabaseName("IX_" + table + "_Blocked");
    }
}
