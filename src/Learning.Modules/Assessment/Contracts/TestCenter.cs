using Learning.Modules.Assessment.Questions;
using Learning.Modules.Content;
using Learning.Modules.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Learning.Modules.Assessment.Contracts;

/// <summary>
/// What other modules ask of Assessment about a test, named by its question bank: its rules, where a person
/// stands, starting an attempt, and importing banks. The attempt's pages are Assessment's own
/// (<see cref="TestPaths"/>); the module that gives the test names it and the way back (<see cref="ITestOwner"/>).
/// </summary>
public sealed class TestCenter(LearningDbContext db, Examiner examiner, QuestionBanks banks, IOptions<AssessmentOptions> options)
{
    public async Task<TestOverview> OverviewAsync(string userId, string bank, CancellationToken cancellationToken)
    {
        var attempts = await db.Attempts.AsNoTracking().Where(a => a.UserId == userId && a.Bank == bank).OrderByDescending(a => a.Number)
            .Select(a => new { a.Id, a.Number, a.SubmittedUtc, a.Score, a.MaxScore, a.Passed, a.Questions })
            .ToListAsync(cancellationToken);
        return new TestOverview(
            options.Value.For(bank),
            await db.BankQuestions.AnyAsync(q => q.Bank == bank, cancellationToken),
            attempts.Select(a => new AttemptSummary(a.Id, a.Number, a.SubmittedUtc is not null, a.Passed == true,
                a.Score is { } score ? Scoring.DisplayPercent(score, a.MaxScore ?? Examiner.QuestionNames(a.Questions).Count) : null)).ToList(),
            await examiner.AvailabilityAsync(userId, bank, cancellationToken));
    }

    /// <summary>The person's standing in every test they have submitted, by bank.</summary>
    public Task<IReadOnlyDictionary<string, TestStanding>> StandingsAsync(string userId, CancellationToken cancellationToken) =>
        examiner.StandingsAsync(userId, cancellationToken);

    /// <summary>Starts the person's attempt (or finds the one in progress) and gives the path of the question to
    /// answer next; null when the bank has no questions or no attempt may start now.</summary>
    public async Task<string?> StartAsync(string userId, string bank, CancellationToken cancellationToken)
    {
        var attempt = await examiner.StartAsync(userId, bank, cancellationToken);
        if (attempt is null)
        {
            return null;
        }

        var answered = await db.AttemptAnswers.CountAsync(a => a.AttemptId == attempt.Id, cancellationToken);
        return TestPaths.Question(attempt.Id, Math.Min(answered, Examiner.QuestionNames(attempt.Questions).Count - 1) + 1);
    }

    /// <summary>Imports the GIFT files of a folder as banks (named by their $CATEGORY), all or nothing.</summary>
    public Task<IReadOnlyList<ContentImportError>> ImportBanksAsync(string folder, CancellationToken cancellationToken) =>
        banks.ImportFolderAsync(folder, cancellationToken);
}
