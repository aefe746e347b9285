using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Learning.Modules.Community.Discussions;

public sealed class DiscussionMessageConfiguration : IEntityTypeConfiguration<DiscussionMessage>
{
    public void Configure(EntityTypeBuilder<DiscussionMessage> message)
    {
        message.ToTable("DiscussionMessages");
        message.Property(m => m.AuthorId).HasMaxLength(450);
        message.Property(m => m.Body).HasMaxLength(DiscussionMessage.BodyLength);
        message.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
        message.Property(m => m.ModerationReason).HasMaxLength(MessageReport.ReasonLength);
        message.Property(m => m.ModeratedBy).HasMaxLength(450);
        message.HasOne<DiscussionThread>().WithMany().HasForeignKey(m => m.ThreadId).OnDelete(DeleteBehavior.Cascade);
        // A thread's messages; a person's (their list, the rate limit, erasure); the tenant's last minute; the held queue
        // and what was published since a time.
        message.HasIndex(m => new { m.ThreadId, m.CreatedUtc });
        message.HasIndex(m => new { m.AuthorId, m.CreatedUtc });
        message.HasIndex(m => m.CreatedUtc);
        message.HasIndex(m => new { m.Status, m.CreatedUtc });
        message.HasIndex(m => m.PublishedUtc);
    }
}
