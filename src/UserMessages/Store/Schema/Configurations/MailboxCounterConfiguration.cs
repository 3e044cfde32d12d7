using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using UserMessages.Domain;

namespace UserMessages.Storage;

internal sealed class MailboxCounterConfiguration(UserMessagesStoreOptions options) : IEntityTypeConfiguration<MailboxCounter>
{
    public void Configure(EntityTypeBuilder<MailboxCounter> builder)
    {
        var table = options.TablePrefix + "MailboxCounters";
        builder.ToTable(table, options.Schema);
        builder.HasKey(c => c.UserId).HasName("PK_" + table);
        builder.Property(c => c.UserId).HasMaxLength(UserIdColumn.For(builder.Metadata.Model));
        builder.Property(c => c.Version).HasDefaultValue(0L);
    }
}
