using Learning.Modules.Core.PersonalData;
using Learning.Modules.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Learning.Modules.Reporting.Facts;

/// <summary>Reporting's part of "download my data" and of deleting an account: the facts kept about the learner
/// for the aggregate figures.</summary>
public sealed class ReportingPersonalData(LearningDbContext db, FactsRefresh refresh, IStringLocalizer<ReportingStrings> S) : IPersonalDataProvider
{
    public string Section => "reports";

    public string Title => S["Statistics"];

    public string? Description => S["What the anonymous figures for the platform's funders know of you: registration, language, structure, country, profession, activity days, parts completed and test results. Deleting your account keeps them counted without anything that leads to you."];

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

    public Task EraseAsync(string userId, CancellationToken cancellationToken) => EraseAsync(userId, ErasureChoices.Default, cancellationToken);

    /// <summary>The figures keep counting the person, without anything that leads to them (see <see cref="FactsRefresh.AnonymiseAsync"/>).</summary>
    public Task EraseAsync(string userId, ErasureChoices choices, CancellationToken cancellationToken) =>
        refresh.AnonymiseAsync(userId, choices.RevokeCertificates, cancellationToken);
}
