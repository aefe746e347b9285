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
