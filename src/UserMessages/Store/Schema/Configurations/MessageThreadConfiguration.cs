using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using UserMessages.Domain;

namespace UserMessages.Storage;

internal sealed class MessageThreadConfiguration(UserMessagesStoreOptions options) : IEntityTypeConfiguration<MessageThread>
{
    public void Configure(EntityTypeBuilder<MessageThread> builder)
    {
        builder.ToTable(options.TablePrefix + "Threads", options.Schema);
        builder.HasKey(t => t.Id).HasName("PK_" + options.TablePrefix + "Threads");
        builder.Property(t => t.Subject).IsRequired().HasMaxLength(MessageThread.MaxSubjectLength);
        builder.Property(t => t.About).HasMaxLength(MessageThread.MaxAboutLength);
        builder.Property(t => t.CreatedAt).HasConversion<UtcDateTimeConverter>();
        builder.Property(t => t.LatestMessageAt).HasConversion<UtcDateTimeConverter>();
        builder.Property(t => t.CreatedById).IsRequired().HasMaxLength(UserIdColumn.For(builder.Metadata.Model));

        // The new-threads-per-day limit counts a user's recent threads.
        builder.HasIndex(t => new { t.CreatedById, t.CreatedAt }).HasDatabaseName("IX_" + options.TablePrefix + "Threads_CreatedBy");
        // Search, on PostgreSQL: the words of every subject.
        FullTextIndex.Add(builder, nameof(MessageThread.Subject), "IX_" + options.TablePrefix + "Threads_Subject_FullText", options.TextSearchConfiguration);
        builder.Property(t => t.ConcurrencyStamp).IsRequired().HasMaxLength(36).IsConcurrencyToken();
        builder.Ignore(t => t.FirstMessage);
        builder.Ignore(t => t.LatestMessage);
    }
}
