using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Learning.Modules.Mooc;

public sealed class EnrolmentConfiguration : IEntityTypeConfiguration<Enrolment>
{
    public void Configure(EntityTypeBuilder<Enrolment> enrolment)
    {
        enrolment.ToTable("Enrolments");
        enrolment.Property(e => e.UserId).HasMaxLength(450);
        enrolment.Property(e => e.LastPart).HasMaxLength(100);
        enrolment.Property(e => e.LastActivity).HasMaxLength(100);
        enrolment.Property(e => e.SuggestedParts).HasMaxLength(500);
        enrolment.HasIndex(e => e.UserId).IsUnique();
        enrolment.HasIndex(e => e.EnrolledUtc); // who enrolled since (CourseFacts.ChangedSinceAsync)
    }
}
