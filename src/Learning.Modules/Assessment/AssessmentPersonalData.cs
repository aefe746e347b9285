using Learning.Modules.Core.PersonalData;
using Learning.Modules.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Learning.Modules.Assessment;

/// <summary>The tests' part of "download my data" and of deleting an account: every attempt with its answers.</summary>
public sealed class AssessmentPersonalData(LearningDbContext db, IStringLocalizer<AssessmentStrings> S) : IPersonalDataProvider
{
    public string Section => "tests";

    public string Title => S["Tests"];

    public string? Description => S["Every test you started: when, your score, whether you passed, and each answer you gave."];

    public async Task<object?> ExportAsync(string userId, CancellationToken cancellationToken)
    {
        var attempts = await db.Attempts.AsNoTracking().Where(a => a.UserId == userId).OrderBy(a => a.Id)
            .Select(a => new { a.Bank, a.Number, a.StartedUtc, a.SubmittedUtc, a.Score, a.MaxScore, a.Passed, Answers = a.Answers.OrderBy(x => x.Position).Select(x => new { x.Position, x.Response, x.SavedUtc, x.Score }).ToList() })
            .ToListAsync(cancellationToken);
        return attempts.Count == 0 ? null : attempts;
    }

    public Task EraseAsync(string userId, CancellationToken cancellationToken) =>
        db.Attempts.Where(a => a.UserId == userId).ExecuteDeleteAsync(cancellationToken); // answers go with their attempt
}
