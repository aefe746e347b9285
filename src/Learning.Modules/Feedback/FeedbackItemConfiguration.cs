using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Learning.Modules.Feedback;

public sealed class FeedbackItemConfiguration : IEntityTypeConfiguration<FeedbackItem>
{
    public void Configure(EntityTypeBuilder<FeedbackItem> item)
    {
        item.ToTable("FeedbackItems");
        item.Property(i => i.UserId).HasMaxLength(450);
        item.Property(i => i.Kind).HasMaxLength(20);
        item.Property(i => i.SetId).HasMaxLength(100);
        item.Property(i => i.Culture).HasMaxLength(5);
        item.Property(i => i.Comment).HasMaxLength(FeedbackKinds.TextLength);
        item.Property(i => i.Useful).HasMaxLength(FeedbackKinds.TextLength);
        item.Property(i => i.Improve).HasMaxLength(FeedbackKinds.TextLength);
        item.Property(i => i.Recommend).HasConversion<string>().HasMaxLength(20);
        item.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
        item.Property(i => i.Reply).HasMaxLength(FeedbackKinds.TextLength);
        item.Property(i => i.RepliedBy).HasMaxLength(450);
        item.HasIndex(i => new { i.UserId, i.Kind, i.SetId }).IsUnique();
        // The editors' list (by status, newest first), the ratings of a subject, and the dashboard's periods.
        item.HasIndex(i => new { i.Status, i.CreatedUtc });
        item.HasIndex(i => new { i.Kind, i.SetId });
        item.HasIndex(i => i.CreatedUtc);
        item.HasIndex(i => i.UpdatedUtc);
        item.HasIndex(i => i.StatusChangedUtc);
    }
}
