using Learning.Modules.Data;
using Microsoft.EntityFrameworkCore;

namespace Learning.Modules.Assessment;

/// <summary>Assessment's tables in the tenant's database (mapped by <see cref="AssessmentModule.ConfigureModel"/>).</summary>
public static class AssessmentTables
{
    extension(LearningDbContext db)
    {
        public DbSet<BankQuestion> BankQuestions => db.Set<BankQuestion>();

        public DbSet<Attempt> Attempts => db.Set<Attempt>();

        public DbSet<AttemptAnswer> AttemptAnswers => db.Set<AttemptAnswer>();
    }
}
