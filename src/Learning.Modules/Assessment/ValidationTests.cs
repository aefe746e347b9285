using System.Security.Cryptography;
using System.Text.Json;
using Learning.Modules.Assessment.Questions;
using Learning.Modules.Core;
using Learning.Modules.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Learning.Modules.Assessment;

/// <summary>Settings of a test: how many questions are drawn from its bank, the pass mark, and the retakes
/// allowed (by default as many as the learner likes, at once).</summary>
public sealed class TestSettings
{
    public int QuestionCount { get; set; } = 10;

    public decimal PassPercent { get; set; } = 70;

    /// <summary>How many attempts a person may submit; null for no limit.</summary>
    public int? MaxAttempts { get; set; }

    /// <summary>How long a person waits after submitting an attempt before starting another.</summary>
    public int HoursBetweenAttempts { get; set; }
}

/// <summary>Whether a person may start a new attempt: refused when they used every attempt allowed, or must
/// wait until <see cref="NextStartUtc"/>.</summary>
public sealed record TestAvailability(bool NoAttemptsLeft, DateTime? NextStartUtc)
{
    public bool Open => !NoAttemptsLeft && NextStartUtc is null;
}

/// <summary>Settings of the "Learning:Assessment" section: tests by bank name.</summary>
public sealed class AssessmentOptions
{
    public Dictionary<string, TestSettings> Tests { get; set; } = [];

    public TestSettings For(string bank) => Tests.GetValueOrDefault(bank) ?? new TestSettings();
}

/// <summary>Where a person stands in a test: passed or not, after how many submitted attempts.</summary>
public sealed record TestStanding(bool Passed, int Attempts);

/// <summary>What other modules do once an attempt is graded (the Certificates module issues a certificate
/// when it passes; the Mooc module refreshes the learner's progress).</summary>
public interface ITestSubmittedHandler
{
    Task OnSubmittedAsync(Attempt attempt, CancellationToken cancellationToken);
}

/// <summary>
/// Validation tests: a fresh random draw for every attempt (choices shuffled too), answers saved one by one
/// in a short transaction each, one submission graded on the server whatever is sent twice.
/// </summary>
public sealed class ValidationTests(LearningDbContext db, QuestionBanks banks, IOptions<AssessmentOptions> options, TimeProvider clock, IEnumerable<ITestSubmittedHandler> submittedHandlers)
{
    /// <summary>Whether the person may start a new attempt at this bank, by the test's settings.</summary>
    public async Task<TestAvailability> AvailabilityAsync(string userId, string bank, CancellationToken cancellationToken)
    {
        var settings = options.Value.For(bank);
        var submitted = await db.Attempts.Where(a => a.UserId == userId && a.Bank == bank && a.SubmittedUtc != null)
            .GroupBy(a => a.Bank).Select(g => new { Count = g.Count(), Last = g.Max(a => a.SubmittedUtc) }).SingleOrDefaultAsync(cancellationToken);
        if (submitted is null)
        {
            return new(false, null);
        }

        var next = submitted.Last!.Value.AddHours(settings.HoursBetweenAttempts);
        return new(submitted.Count >= settings.MaxAttempts, next > clock.GetUtcNow().UtcDateTime ? next : null);
    }

    /// <summary>The person's attempt in progress for this bank, or a new one with a fresh draw; null when the
    /// bank has no questions or the settings allow no new attempt now.</summary>
    public async Task<Attempt?> StartAsync(string userId, string bank, CancellationToken cancellationToken)
    {
        var open = await db.Attempts.SingleOrDefaultAsync(a => a.UserId == userId && a.Bank == bank && a.SubmittedUtc == null, cancellationToken);
        if (open is not null)
        {
            return open;
        }

        if (!(await AvailabilityAsync(userId, bank, cancellationToken)).Open)
        {
            return null;
        }

        var pool = await banks.LoadAsync(bank, Cultures.Default, cancellationToken);
        if (pool.Count == 0)
        {
            return null;
        }

        var settings = options.Value.For(bank);
        var drawn = pool.Keys.OrderBy(_ => RandomNumberGenerator.GetInt32(int.MaxValue)).Take(Math.Min(settings.QuestionCount, pool.Count)).ToList();
        // Choices and ordering items are shown shuffled; true/false keeps True before False.
        var orders = drawn.Select(name => Shuffle(pool[name].Type switch
        {
            QuestionType.SingleChoice or QuestionType.MultipleResponse => pool[name].Choices.Count,
            QuestionType.Ordering => pool[name].Order.Count,
            _ => 0,
        })).ToList();
        var number = await db.Attempts.CountAsync(a => a.UserId == userId && a.Bank == bank, cancellationToken) + 1;
        var attempt = new Attempt
        {
            UserId = userId,
            Bank = bank,
            Number = number,
            Questions = JsonSerializer.Serialize(drawn),
            ChoiceOrders = JsonSerializer.Serialize(orders),
            PassPercent = settings.PassPercent,
            StartedUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.Attempts.Add(attempt);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A double click started the same attempt twice: the other request's attempt is the one.
            db.Entry(attempt).State = EntityState.Detached;
            return await db.Attempts.SingleOrDefaultAsync(a => a.UserId == userId && a.Bank == bank && a.SubmittedUtc == null, cancellationToken);
        }

        return attempt;
    }

    /// <summary>Saves (or replaces) one answer of an attempt in progress; false when the attempt is closed.</summary>
    public async Task<bool> SaveAnswerAsync(Attempt attempt, int position, Response response, CancellationToken cancellationToken)
    {
        if (attempt.SubmittedUtc is not null || position < 0 || position >= QuestionNames(attempt).Count)
        {
            return false;
        }

        var json = JsonSerializer.Serialize(response, QuestionBanks.Json);
        var now = clock.GetUtcNow().UtcDateTime;
        // One statement when the answer exists; otherwise an insert. Two saves of a first answer at once
        // (a double click): the insert that loses finds the row and updates it instead.
        for (var tries = 0; ; tries++)
        {
            var updated = await db.AttemptAnswers.Where(a => a.AttemptId == attempt.Id && a.Position == position)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.Response, json).SetProperty(a => a.SavedUtc, now), cancellationToken);
            if (updated > 0)
            {
                return true;
            }

            var answer = new AttemptAnswer { AttemptId = attempt.Id, Position = position, Response = json, SavedUtc = now };
            db.AttemptAnswers.Add(answer);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return true;
            }
            catch (DbUpdateException) when (tries == 0)
            {
                db.Entry(answer).State = EntityState.Detached;
            }
        }
    }

    /// <summary>Grades the attempt once: the first submission claims it, any later one finds it graded.</summary>
    public async Task<Attempt> SubmitAsync(int attemptId, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var claimed = await db.Attempts.Where(a => a.Id == attemptId && a.SubmittedUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.SubmittedUtc, now), cancellationToken);
        var attempt = await db.Attempts.Include(a => a.Answers).SingleAsync(a => a.Id == attemptId, cancellationToken);
        if (claimed == 1)
        {
            var questions = await banks.LoadForGradingAsync(attempt.Bank, cancellationToken);
            var names = QuestionNames(attempt);
            var total = 0m;
            foreach (var answer in attempt.Answers)
            {
                answer.Score = Scoring.Score(questions[names[answer.Position]], JsonSerializer.Deserialize<Response>(answer.Response, QuestionBanks.Json));
                total += answer.Score.Value;
            }

            attempt.Score = total;
            attempt.Passed = Scoring.Passed(total, names.Count, attempt.PassPercent);
            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        if (claimed == 1)
        {
            foreach (var handler in submittedHandlers)
            {
                await handler.OnSubmittedAsync(attempt, cancellationToken);
            }
        }

        return attempt;
    }

    /// <summary>The person's standing in every test they have submitted, by bank.</summary>
    public async Task<IReadOnlyDictionary<string, TestStanding>> StandingsAsync(string userId, CancellationToken cancellationToken)
    {
        var submitted = await db.Attempts.AsNoTracking()
            .Where(a => a.UserId == userId && a.SubmittedUtc != null)
            .GroupBy(a => a.Bank)
            .Select(g => new { Bank = g.Key, Passed = g.Any(a => a.Passed == true), Attempts = g.Count() })
            .ToListAsync(cancellationToken);
        return submitted.ToDictionary(s => s.Bank, s => new TestStanding(s.Passed, s.Attempts));
    }

    public static IReadOnlyList<string> QuestionNames(Attempt attempt) => JsonSerializer.Deserialize<List<string>>(attempt.Questions)!;

    public static IReadOnlyList<int[]> ChoiceOrders(Attempt attempt) => JsonSerializer.Deserialize<List<int[]>>(attempt.ChoiceOrders)!;

    private static int[] Shuffle(int count)
    {
        var order = Enumerable.Range(0, count).ToArray();
        RandomNumberGenerator.Shuffle(order.AsSpan());
        return order;
    }
}
