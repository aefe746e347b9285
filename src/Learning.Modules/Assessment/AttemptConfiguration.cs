using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Learning.Modules.Assessment;

// Scores keep every digit (unconstrained numeric on PostgreSQL, text on SQLite): a third stays a third.
public sealed class AttemptConfiguration : IEntityTypeConfiguration<Attempt>
{
    public void Configure(EntityTypeBuilder<Attempt> attempt)
    {
        attempt.ToTable("Attempts");
        attempt.Property(a => a.UserId).HasMaxLength(450);
        attempt.Property(a => a.Bank).HasMaxLength(200);
        attempt.Property(a => a.PassPercent).HasPrecision(5, 2);
        attempt.Ignore(a => a.MarksAvailable);
        attempt.HasIndex(a => new { a.UserId, a.Bank, a.Number }).IsUnique();
        attempt.HasIndex(a => a.StartedUtc); // reports: attempts started or submitted since a moment (AttemptOutcomes)
        attempt.HasIndex(a => a.SubmittedUtc);
        attempt.HasMany(a => a.Answers).WithOne().HasForeignKey(a => a.AttemptId).OnDelete(DeleteBehavior.Cascade);
    }
}
