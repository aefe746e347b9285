using System.Security.Cryptography;
using System.Text.Json;
using Learning.Modules.Assessment.Contracts;
using Learning.Modules.Assessment.Questions;
using Learning.Modules.Core;
using Learning.Modules.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Learning.Modules.Assessment;

/// <summary>
/// Runs tests: a fresh random draw from the bank for every attempt, balanced across the objectives its questions
/// are tagged with (choices shuffled too), answers saved one by one in a short transaction each, one submission
/// graded on the server whatever is sent twice.
/// </summary>
public sealed class Examiner(LearningDbContext db, QuestionBanks banks, IOptions<AssessmentOptions> options, TimeProvider clock, IServiceProvider services)
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

    /// <summary>Whether the review of a submitted attempt shows the right answers, by the test's settings.</summary>
    public async Task<bool> ShowsRightAnswersAsync(Attempt attempt, CancellationToken cancellationToken) =>
        attempt.SubmittedUtc is not null && options.Value.For(attempt.Bank).ShowRightAnswers switch
        {
            RightAnswers.Always => true,
            RightAnswers.OncePassed => attempt.Passed == true
                || await db.Attempts.AnyAsync(a => a.UserId == attempt.UserId && a.Bank == attempt.Bank && a.Passed == true, cancellationToken)
                || (await AvailabilityAsync(attempt.UserId, attempt.Bank, cancellationToken)).NoAttemptsLeft,
            _ => false,
        };

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

        // Descriptions are read in the bank, never drawn: a test is made of questions to answer.
        var pool = (await banks.LoadAsync(bank, Cultures.Default, cancellationToken)).Where(q => q.Value.IsGraded).ToDictionary();
        if (pool.Count == 0)
        {
            return null;
        }

        var settings = options.Value.For(bank);
        var drawn = Draw(pool, settings.QuestionCount);
        // Choices, matching and ordering items are shown shuffled; true/false keeps True before False.
        var orders = drawn.Select(name => Shuffle(pool[name].Type switch
        {
            QuestionType.SingleChoice or QuestionType.MultipleResponse => pool[name].Choices.Count,
            QuestionType.Matching => pool[name].Pairs.Count,
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
                answer.Score = Scoring.Points(questions[names[answer.Position]], JsonSerializer.Deserialize<Response>(answer.Response, QuestionBanks.Json));
                total += answer.Score.Value;
            }

            attempt.Score = total;
            attempt.MaxScore = names.Sum(name => questions[name].Mark);
            attempt.Passed = Scoring.Passed(total, attempt.MaxScore.Value, attempt.PassPercent);
            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        if (claimed == 1)
        {
            // Resolved now, not injected: a handler may itself ask Assessment about tests (Certificates does).
            foreach (var handler in services.GetServices<ITestSubmittedHandler>())
            {
                await handler.OnSubmittedAsync(new TestSubmitted(attempt.UserId, attempt.Bank, attempt.Id, attempt.Passed == true), cancellationToken);
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

    /// <summary>A person's attempt with its answers, read-only; null when there is no such attempt of theirs.</summary>
    public Task<Attempt?> FindAsync(int attemptId, string userId, CancellationToken cancellationToken) =>
        db.Attempts.AsNoTracking().Include(a => a.Answers).SingleOrDefaultAsync(a => a.Id == attemptId && a.UserId == userId, cancellationToken);

    /// <summary>The same without its answers: what saving an answer or submitting needs. Saving an answer does this
    /// read on every post, and reading the answers too took half its time (bench/profile.sh answers).</summary>
    public Task<Attempt?> FindWithoutAnswersAsync(int attemptId, string userId, CancellationToken cancellationToken) =>
        db.Attempts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == attemptId && a.UserId == userId, cancellationToken);

    public static IReadOnlyList<string> QuestionNames(Attempt attempt) => QuestionNames(attempt.Questions);

    /// <summary>The drawn questions' names from an attempt's <see cref="Attempt.Questions"/> column.</summary>
    public static IReadOnlyList<string> QuestionNames(string questions) => JsonSerializer.Deserialize<List<string>>(questions)!;

    public static IReadOnlyList<int[]> ChoiceOrders(Attempt attempt) => JsonSerializer.Deserialize<List<int[]>>(attempt.ChoiceOrders)!;

    /// <summary>The tag prefix that says which of a part's objectives a question serves ("objective-2").</summary>
    public const string ObjectiveTag = "objective-";

    /// <summary>
    /// Draws <paramref name="count"/> questions at random, balanced across the objectives their tags name: questions
    /// are taken in turn from each objective (objectives in a random order, questions in a random order inside each),
    /// so that 10 questions from 5 objectives are 2 from each, and a retake still meets every objective. A question's
    /// objective is its first <c>objective-*</c> tag; questions without one form one group, so a bank without such tags
    /// is drawn wholly at random, as before. The drawn questions are then shuffled, so their order tells nothing.
    /// </summary>
    public static List<string> Draw(IReadOnlyDictionary<string, Question> pool, int count)
    {
        var groups = pool
            .GroupBy(q => q.Value.Tags.FirstOrDefault(t => t.StartsWith(ObjectiveTag, StringComparison.OrdinalIgnoreCase))?.ToLowerInvariant() ?? "")
            .Select(g => new Queue<string>(Shuffled(g.Select(q => q.Key))))
            .ToList();
        groups = Shuffled(groups);
        var drawn = new List<string>();
        while (drawn.Count < count && groups.Any(g => g.Count > 0))
        {
            foreach (var group in groups.Where(g => g.Count > 0))
            {
                if (drawn.Count == count)
                {
                    break;
                }

                drawn.Add(group.Dequeue());
            }
        }

        return Shuffled(drawn);
    }

    private static List<T> Shuffled<T>(IEnumerable<T> items)
    {
        var list = items.ToArray();
        RandomNumberGenerator.Shuffle(list.AsSpan());
        return [.. list];
    }

    private static int[] Shuffle(int count)
    {
        var order = Enumerable.Range(0, count).ToArray();
        RandomNumberGenerator.Shuffle(order.AsSpan());
        return order;
    }
}
