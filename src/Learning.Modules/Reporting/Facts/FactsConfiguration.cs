using Microsoft.EntityFrameworkCore;

namespace Learning.Modules.Reporting.Facts;

/// <summary>Reporting's tables: the facts the dashboard reads, kept by <see cref="FactsRefresh"/>.</summary>
public static class FactsConfiguration
{
    public static ModelBuilder MapFacts(this ModelBuilder model)
    {
        model.Entity<LearnerFact>(learner =>
        {
            learner.ToTable("ReportLearners");
            learner.HasKey(l => l.UserId);
            learner.Property(l => l.UserId).HasMaxLength(450);
            learner.Property(l => l.Culture).HasMaxLength(10);
            learner.Property(l => l.Country).HasMaxLength(100);
            learner.Property(l => l.Profession).HasMaxLength(100);
            learner.HasIndex(l => l.RegisteredUtc);
            learner.HasIndex(l => l.StructureId);
        });
        model.Entity<ActiveDayFact>(day =>
        {
            day.ToTable("ReportActiveDays");
            day.HasKey(d => new { d.UserId, d.Day });
            day.Property(d => d.UserId).HasMaxLength(450);
            day.HasIndex(d => d.Day);
        });
        model.Entity<PartCompletionFact>(part =>
        {
            part.ToTable("ReportPartCompletions");
            part.HasKey(p => new { p.UserId, p.Part });
            part.Property(p => p.UserId).HasMaxLength(450);
            part.Property(p => p.Part).HasMaxLength(100);
        });
        model.Entity<AttemptFact>(attempt =>
        {
            attempt.ToTable("ReportAttempts");
            attempt.HasKey(a => a.AttemptId);
            attempt.Property(a => a.AttemptId).ValueGeneratedNever();
            attempt.Property(a => a.UserId).HasMaxLength(450);
            attempt.Property(a => a.Bank).HasMaxLength(200);
            attempt.HasIndex(a => a.SubmittedUtc);
            attempt.HasIndex(a => new { a.Bank, a.Number });
        });
        model.Entity<ActivityNumber>(activity =>
        {
            activity.ToTable("ReportActivities");
            activity.HasKey(a => a.Number);
            activity.Property(a => a.Number).ValueGeneratedNever();
            activity.Property(a => a.ActivityId).HasMaxLength(100);
            activity.HasIndex(a => a.ActivityId).IsUnique();
        });
        model.Entity<FactsState>(state =>
        {
            state.ToTable("ReportFactsState");
            state.HasKey(s => s.Id);
            state.Property(s => s.Id).ValueGeneratedNever();
        });
        return model;
    }
}
