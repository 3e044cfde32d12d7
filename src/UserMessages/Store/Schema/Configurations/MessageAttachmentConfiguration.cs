using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using UserMessages.Domain;

namespace UserMessages.Storage;

internal sealed class MessageAttachmentConfiguration(UserMessagesStoreOptions options) : IEntityTypeConfiguration<MessageAttachment>
{
    public void Configure(EntityTypeBuilder<MessageAttachment> builder)
    {
        var table = options.TablePrefix + "Attachments";
        builder.ToTable(table, options.Schema);
        builder.HasKey(a => a.Id).HasName("PK_" + table);
        builder.Property(a => a.UploaderId).IsRequired().HasMaxLength(UserIdColumn.For(builder.Metadata.Model));
        builder.Property(a => a.FileName).IsRequired().HasMaxLength(MessageAttachment.MaxFileNameLength);
        builder.Property(a => a.ContentType).IsRequired().HasMaxLength(100);
        builder.Property(a => a.StorageKey).IsRequired().HasMaxLength(400);
        builder.Property(a => a.UploadedAt).HasConversion<UtcDateTimeConverter>();

        // A message that goes (the purge, its thread's) leaves its files without one: the clean-up of unsent uploads takes them.
        builder.HasOne<Message>().WithMany().HasForeignKey(a => a.MessageId).HasConstraintName("FK_" + table + "_Message").OnDelete(DeleteBehavior.SetNull);

        // Rejecting a held message leaves its files to the clean-up.
        builder.HasOne<HeldMessage>().WithMany().HasForeignKey(a => a.HeldMessageId).HasConstraintName("FK_" + table + "_HeldMessage").OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(a => a.HeldMessageId).HasDatabaseName("IX_" + table + "_HeldMessage");

        // A page's messages' files; unsent uploads by age (the clean-up); a user's uploads (their limit, erasing their data).
        builder.HasIndex(a => new { a.MessageId, a.UploadedAt }).HasDatabaseName("IX_" + table + "_Message_UploadedAt");
        builder.HasIndex(a => a.UploaderId).HasDatabaseName("IX_" + table + "_Uploader");
    }
}
