using Learning.Modules.Data;
using Microsoft.EntityFrameworkCore;

namespace Learning.Modules.Assessment.Contracts;

/// <summary>
/// What reports (Reporting's impact figures) may know of the tests' attempts over time: the ones submitted since
/// a moment, and the learners active in a test since then. Read only; times are UTC and "since" is strictly after.
/// </summary>
public sealed class AttemptOutcomes(LearningDbContext db)
{
    /// <summary>The attempts submitted strictly after <paramref name="sinceUtc"/>, in the order they were submitted.</summary>
    public async Task<IReadOnlyList<AttemptOutcome>> SubmittedSinceAsync(DateTime sinceUtc, CancellationToken cancellationToken)
    {
        var since = DateTime.SpecifyKind(sinceUtc, DateTimeKind.Utc);
        var rows = await db.Attempts.AsNoTracking()
            .Where(a => a.SubmittedUtc > since)
            .OrderBy(a => a.SubmittedUtc).ThenBy(a => a.Id)
            .Select(a => new { a.Id, a.UserId, a.Bank, a.Number, a.StartedUtc, a.SubmittedUtc, a.Score, a.MaxScore, a.Passed, Questions = a.MaxScore == null ? a.Questions : null })
            .ToListAsync(cancellationToken);
        return rows.Select(a => new AttemptOutcome(
                a.Id,
                a.UserId,
                a.Bank,
                a.Number,
                DateTime.SpecifyKind(a.StartedUtc, DateTimeKind.Utc),
                DateTime.SpecifyKind(a.SubmittedUtc!.Value, DateTimeKind.Utc),
                a.Score ?? 0m,
                a.MaxScore ?? Examiner.QuestionNames(a.Questions!).Count,
                a.Passed == true))
            .ToList();
    }

    /// <summary>The learners who started an attempt, or saved an answer in one, strictly after
    /// <paramref name="sinceUtc"/>, each once.</summary>
    public async Task<IReadOnlyList<string>> StartedSinceAsync(DateTime sinceUtc, CancellationToken cancellationToken)
    {
        var since = DateTime.SpecifyKind(sinceUtc, DateTimeKind.Utc);
        var attempts = db.Attempts.AsNoTracking();
        return await attempts.Where(a => a.StartedUtc > since).Select(a => a.UserId)
            .Union(db.AttemptAnswers.AsNoTracking().Where(x => x.SavedUtc > since)
                .Join(attempts, x => x.AttemptId, a => a.Id, (x, a) => a.UserId))
            .ToListAsync(cancellationToken);
    }
}
