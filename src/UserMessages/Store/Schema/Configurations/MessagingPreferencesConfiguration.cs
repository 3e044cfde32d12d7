using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using UserMessages.Domain;

namespace UserMessages.Storage;

internal sealed class MessagingPreferencesConfiguration(UserMessagesStoreOptions options) : IEntityTypeConfiguration<MessagingPreferences>
{
    public void Configure(EntityTypeBuilder<MessagingPreferences> builder)
    {
        var table = options.TablePrefix + "Preferences";
        builder.ToTable(table, options.Schema);
        builder.HasKey(p => p.UserId).HasName("PK_" + table);
        builder.Property(p => p.UserId).HasMaxLength(UserIdColumn.For(builder.Metadata.Model));

        // Rows saved before read receipts existed share them, as everyone does by default (true is also the sentinel: false is written).
        builder.Property(p => p.ShareReadReceipts).HasDefaultValue(true).HasSentinel(true);
    }
}
