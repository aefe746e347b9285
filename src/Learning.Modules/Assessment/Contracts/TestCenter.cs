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
    /// <summary>The most ids a batch read sends in one query (an IN list that both databases plan well).</summary>
    public const int BatchSize = 1000;

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

    /// <summary>The standing of each of these people in every test they have submitted, by person then bank; people
    /// who submitted nothing are left out. One query per 1,000 people, for reports over many learners.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyDictionary<string, TestStanding>>> StandingsAsync(IReadOnlyCollection<string> userIds, CancellationToken cancellationToken)
    {
        var standings = new Dictionary<string, IReadOnlyDictionary<string, TestStanding>>();
        foreach (var batch in userIds.Distinct().Chunk(BatchSize))
        {
            var submitted = await db.Attempts.AsNoTracking()
                .Where(a => batch.Contains(a.UserId) && a.SubmittedUtc != null)
                .GroupBy(a => new { a.UserId, a.Bank })
                // Passes counted rather than Any(): PostgreSQL would run an EXISTS per group, scanning the batch again.
                .Select(g => new { g.Key.UserId, g.Key.Bank, Passes = g.Count(a => a.Passed == true), Attempts = g.Count() })
                .ToListAsync(cancellationToken);
            foreach (var person in submitted.GroupBy(s => s.UserId))
            {
                standings[person.Key] = person.ToDictionary(s => s.Bank, s => new TestStanding(s.Passes > 0, s.Attempts));
            }
        }

        return standings;
    }

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
