using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Learning.Modules.Assessment;

public sealed class BankQuestionConfiguration : IEntityTypeConfiguration<BankQuestion>
{
    public void Configure(EntityTypeBuilder<BankQuestion> question)
    {
        question.ToTable("BankQuestions");
        question.Property(q => q.Bank).HasMaxLength(200);
        question.Property(q => q.Name).HasMaxLength(200);
        question.Property(q => q.Culture).HasMaxLength(5);
        question.HasIndex(q => new { q.Bank, q.Name, q.Culture }).IsUnique();
    }
}

// Scores keep every digit (unconstrained numeric on PostgreSQL, text on SQLite): a third stays a third.
public sealed class AttemptConfiguration : IEntityTypeConfiguration<Attempt>
{
    public void Configure(EntityTypeBuilder<Attempt> attempt)
    {
        attempt.ToTable("Attempts");
        attempt.Property(a => a.UserId).HasMaxLength(450);
        attempt.Property(a => a.Bank).HasMaxLength(200);
        attempt.Property(a => a.PassPercent).HasPrecision(5, 2);
        attempt.HasIndex(a => new { a.UserId, a.Bank, a.Number }).IsUnique();
        attempt.HasMany(a => a.Answers).WithOne().HasForeignKey(a => a.AttemptId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class AttemptAnswerConfiguration : IEntityTypeConfiguration<AttemptAnswer>
{
    public void Configure(EntityTypeBuilder<AttemptAnswer> answer)
    {
        answer.ToTable("AttemptAnswers");
        answer.HasKey(a => new { a.AttemptId, a.Position });
    }
}
