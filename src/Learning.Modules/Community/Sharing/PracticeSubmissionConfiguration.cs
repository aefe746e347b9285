using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Learning.Modules.Community.Sharing;

public sealed class PracticeSubmissionConfiguration : IEntityTypeConfiguration<PracticeSubmission>
{
    public void Configure(EntityTypeBuilder<PracticeSubmission> submission)
    {
        submission.ToTable("PracticeSubmissions");
        submission.Property(s => s.UserId).HasMaxLength(450);
        submission.Property(s => s.SetId).HasMaxLength(100);
        submission.Property(s => s.Culture).HasMaxLength(5);
        submission.Property(s => s.Title).HasMaxLength(SharingLimits.TitleLength);
        submission.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        submission.Property(s => s.DeclineReason).HasMaxLength(SharingLimits.ReasonLength);
        submission.HasMany(s => s.Messages).WithOne().HasForeignKey(m => m.SubmissionId).OnDelete(DeleteBehavior.Cascade);
        // A learner's submissions; the credit of a practice's set; the editors' list, newest first.
        submission.HasIndex(s => s.UserId);
        submission.HasIndex(s => s.SetId);
        submission.HasIndex(s => s.CreatedUtc);
    }
}
