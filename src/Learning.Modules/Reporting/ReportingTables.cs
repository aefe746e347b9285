using Learning.Modules.Data;
using Learning.Modules.Reporting.Facts;
using Microsoft.EntityFrameworkCore;

namespace Learning.Modules.Reporting;

/// <summary>Reporting's tables in the tenant's database (mapped by <see cref="ReportingModule.ConfigureModel"/>).</summary>
public static class ReportingTables
{
    extension(LearningDbContext db)
    {
        public DbSet<LearnerFact> LearnerFacts => db.Set<LearnerFact>();

        public DbSet<ActiveDayFact> ActiveDayFacts => db.Set<ActiveDayFact>();

        public DbSet<PartCompletionFact> PartCompletionFacts => db.Set<PartCompletionFact>();

        public DbSet<AttemptFact> AttemptFacts => db.Set<AttemptFact>();

        public DbSet<ActivityNumber> ActivityNumbers => db.Set<ActivityNumber>();

        public DbSet<FactsState> FactsState => db.Set<FactsState>();
    }
}
