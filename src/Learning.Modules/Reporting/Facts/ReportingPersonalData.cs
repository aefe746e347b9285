using Learning.Modules.Core.PersonalData;
using Learning.Modules.Data;
using Microsoft.EntityFrameworkCore;

namespace Learning.Modules.Reporting.Facts;

/// <summary>Reporting's part of "download my data" and of deleting an account: the facts kept about the learner
/// for the aggregate figures.</summary>
public sealed class ReportingPersonalData(LearningDbContext db, FactsRefresh refresh) : IPersonalDataProvider
{
    public string Section => "reports";

    public async Task<object?> ExportAsync(string userId, CancellationToken cancellationToken)
    {
        var learner = await db.LearnerFacts.AsNoTracking().Where(l => l.UserId == userId)
            .Select(l => new { l.RegisteredUtc, l.Culture, l.StructureId, l.Country, l.Profession, l.EnrolledUtc, l.LastActiveUtc, l.CourseCompleted, l.CertifiedUtc })
            .SingleOrDefaultAsync(cancellationToken);
        if (learner is null)
        {
            return null;
        }

        var activeDays = await db.ActiveDayFacts.AsNoTracking().Where(d => d.UserId == userId).OrderBy(d => d.Day).Select(d => d.Day).ToListAsync(cancellationToken);
        var partsCompleted = await db.PartCompletionFacts.AsNoTracking().Where(p => p.UserId == userId).OrderBy(p => p.Part).Select(p => p.Part).ToListAsync(cancellationToken);
        var attempts = await db.AttemptFacts.AsNoTracking().Where(a => a.UserId == userId).OrderBy(a => a.SubmittedUtc)
            .Select(a => new { a.Bank, a.Number, a.SubmittedUtc, a.Percent, a.Passed }).ToListAsync(cancellationToken);
        return new { learner, activeDays, partsCompleted, attempts };
    }

    public Task EraseAsync(string userId, CancellationToken cancellationToken) => refresh.EraseAsync([userId], cancellationToken);
}
