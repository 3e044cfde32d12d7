using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using UserMessages.Domain;

namespace UserMessages.Storage;

internal sealed class MessageEditConfiguration(UserMessagesStoreOptions options) : IEntityTypeConfiguration<MessageEdit>
{
    public void Configure(EntityTypeBuilder<MessageEdit> builder)
    {
        var table = options.TablePrefix + "MessageEdits";
        builder.ToTable(table, options.Schema);
        builder.HasKey(e => e.Id).HasName("PK_" + table);
        builder.Property(e => e.Content).IsRequired();
        builder.Property(e => e.ReplacedAt).HasConversion<UtcDateTimeConverter>();

        // A message's versions go with it (erasing its sender, the purge of its thread, its deletion).
        builder.HasOne<Message>().WithMany().HasForeignKey(e => e.MessageId).HasConstraintName("FK_" + table + "_Message").OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => new { e.MessageId, e.ReplacedAt }).HasDatabaseName("IX_" + table + "_Message_ReplacedAt");
    }
}
