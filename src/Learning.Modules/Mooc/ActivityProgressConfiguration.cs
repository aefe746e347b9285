using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Learning.Modules.Mooc;

public sealed class ActivityProgressConfiguration : IEntityTypeConfiguration<ActivityProgress>
{
    public void Configure(EntityTypeBuilder<ActivityProgress> progress)
    {
        progress.ToTable("ActivityProgress");
        progress.HasKey(p => new { p.UserId, p.ActivityId });
        progress.Property(p => p.UserId).HasMaxLength(450);
        progress.Property(p => p.ActivityId).HasMaxLength(100);
        progress.Property(p => p.Part).HasMaxLength(100);
        progress.HasIndex(p => p.LastTriedUtc); // who tried an activity since (CourseFacts.ChangedSinceAsync)
    }
}
