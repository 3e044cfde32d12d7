using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using UserMessages.Domain;

namespace UserMessages.Storage;

internal sealed class MessagingSuspensionConfiguration(UserMessagesStoreOptions options) : IEntityTypeConfiguration<MessagingSuspension>
{
    public void Configure(EntityTypeBuilder<MessagingSuspension> builder)
    {
        var table = options.TablePrefix + "Suspensions";
        var userId = UserIdColumn.For(builder.Metadata.Model);
        builder.ToTable(table, options.Schema);
        builder.HasKey(s => s.UserId).HasName("PK_" + table);
        builder.Property(s => s.UserId).HasMaxLength(userId);
        builder.Property(s => s.ModeratorId).IsRequired().HasMaxLength(userId);
        builder.Property(s => s.Reason).HasMaxLength(MessagingSuspension.MaxReasonLength);
        builder.Property(s => s.StartedAt).HasConversion<UtcDateTimeConverter>();
        builder.Property(s => s.EndsAt).HasConversion<UtcDateTimeConverter>();
    }
}
