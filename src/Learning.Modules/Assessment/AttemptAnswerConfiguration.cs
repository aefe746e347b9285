using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Learning.Modules.Assessment;

public sealed class AttemptAnswerConfiguration : IEntityTypeConfiguration<AttemptAnswer>
{
    public void Configure(EntityTypeBuilder<AttemptAnswer> answer)
    {
        answer.ToTable("AttemptAnswers");
        answer.HasKey(a => new { a.AttemptId, a.Position });
        answer.HasIndex(a => a.SavedUtc); // reports: learners active in a test since a moment (AttemptOutcomes)
    }
}
