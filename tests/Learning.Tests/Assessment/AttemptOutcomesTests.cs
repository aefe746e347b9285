using Learning.Modules.Assessment;
using Learning.Modules.Assessment.Contracts;
using Learning.Modules.Data;
using Learning.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Learning.Tests.Assessment;

/// <summary>What Assessment tells reports of attempts over time (<see cref="AttemptOutcomes"/>): "since" is strictly after.</summary>
public sealed class AttemptOutcomesTests
{
    private static readonly DateTime Since = new(2026, 11, 1, 10, 0, 0, DateTimeKind.Utc);

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Submitted_since_gives_the_attempts_submitted_after_the_moment_in_submission_order_with_marks_earned_and_available(Db database)
    {
        await using var app = new LearningApp(database, content: TestContent.Only());
        await app.WithTenantAsync(async sp =>
        {
            var db = sp.GetRequiredService<LearningDbContext>();
            db.Attempts.AddRange(
                Attempt("u1", 1, started: Since.AddMinutes(-10), submitted: Since.AddSeconds(-1), score: 5, max: 10, passed: false),
                Attempt("u2", 1, started: Since.AddMinutes(-10), submitted: Since, score: 9, max: 10, passed: true),           // at the moment: not after
                Attempt("u3", 1, started: Since.AddMinutes(-5), submitted: Since.AddMinutes(2), score: 7, max: 10, passed: true),
                // Graded before questions had marks: one mark for each of its 4 questions.
                Attempt("u1", 2, started: Since.AddMinutes(1), submitted: Since.AddMinutes(1).AddSeconds(1), score: 2.5m, max: null, passed: false, questions: 4),
                Attempt("u4", 1, started: Since.AddMinutes(3), submitted: null, score: null, max: null, passed: null));
            return await db.SaveChangesAsync();
        });

        var outcomes = await app.WithTenantAsync(sp => sp.GetRequiredService<AttemptOutcomes>().SubmittedSinceAsync(Since, default));

        Assert.Equal(2, outcomes.Count);
        var (retake, first) = (outcomes[0], outcomes[1]);
        Assert.Equal(("u1", "bank/a", 2, Since.AddMinutes(1), Since.AddMinutes(1).AddSeconds(1), 2.5m, 4m, false),
            (retake.Learner, retake.Bank, retake.Number, retake.StartedUtc, retake.SubmittedUtc, retake.Earned, retake.Available, retake.Passed));
        Assert.Equal(("u3", 1, Since.AddMinutes(-5), Since.AddMinutes(2), 7m, 10m, true),
            (first.Learner, first.Number, first.StartedUtc, first.SubmittedUtc, first.Earned, first.Available, first.Passed));
        Assert.Equal(DateTimeKind.Utc, first.SubmittedUtc.Kind);
        // Earned is marks, not a percentage: 7 of 10 marks is 70%.
        Assert.Equal(70m, first.Earned * 100 / first.Available);

        // A first run asks from the beginning of time: every submitted attempt.
        var all = await app.WithTenantAsync(sp => sp.GetRequiredService<AttemptOutcomes>().SubmittedSinceAsync(DateTime.MinValue, default));
        Assert.Equal(["u1", "u2", "u1", "u3"], all.Select(a => a.Learner));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Started_since_names_once_each_learner_who_started_an_attempt_or_saved_an_answer_after_the_moment(Db database)
    {
        await using var app = new LearningApp(database, content: TestContent.Only());
        await app.WithTenantAsync(async sp =>
        {
            var db = sp.GetRequiredService<LearningDbContext>();
            var answered = Attempt("answered", 1, started: Since.AddHours(-1), submitted: null, score: null, max: null, passed: null);
            var answeredAt = Attempt("answered-at", 1, started: Since.AddHours(-1), submitted: null, score: null, max: null, passed: null);
            db.Attempts.AddRange(
                Attempt("started", 1, started: Since.AddSeconds(1), submitted: null, score: null, max: null, passed: null),
                Attempt("started", 2, started: Since.AddMinutes(5), submitted: Since.AddMinutes(9), score: 1, max: 2, passed: false),
                Attempt("started-at", 1, started: Since, submitted: Since.AddMinutes(1), score: 1, max: 2, passed: false), // only submitted after
                Attempt("idle", 1, started: Since.AddDays(-1), submitted: Since.AddDays(-1), score: 1, max: 2, passed: false),
                answered,
                answeredAt);
            await db.SaveChangesAsync();
            db.AttemptAnswers.AddRange(
                new AttemptAnswer { AttemptId = answered.Id, Position = 0, Response = "{}", SavedUtc = Since.AddMinutes(-30) },
                new AttemptAnswer { AttemptId = answered.Id, Position = 1, Response = "{}", SavedUtc = Since.AddSeconds(30) },
                new AttemptAnswer { AttemptId = answeredAt.Id, Position = 0, Response = "{}", SavedUtc = Since });
            return await db.SaveChangesAsync();
        });

        var learners = await app.WithTenantAsync(sp => sp.GetRequiredService<AttemptOutcomes>().StartedSinceAsync(Since, default));

        Assert.Equal(["answered", "started"], learners.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Standings_of_many_learners_are_read_by_person_and_bank(Db database)
    {
        await using var app = new LearningApp(database, content: TestContent.Only());
        await app.WithTenantAsync(async sp =>
        {
            var db = sp.GetRequiredService<LearningDbContext>();
            db.Attempts.AddRange(
                Attempt("u1", 1, started: Since, submitted: Since, score: 1, max: 2, passed: false),
                Attempt("u1", 2, started: Since, submitted: Since.AddDays(1), score: 2, max: 2, passed: true),
                Attempt("u1", 3, started: Since, submitted: null, score: null, max: null, passed: null), // open: not counted
                Attempt("u2", 1, started: Since, submitted: Since, score: 1, max: 2, passed: false, bank: "bank/b"));
            return await db.SaveChangesAsync();
        });
        var asked = Enumerable.Range(0, 1200).Select(i => $"x{i}").Append("u1").Append("u2").ToList();

        var standings = await app.WithTenantAsync(sp => sp.GetRequiredService<TestCenter>().StandingsAsync(asked, default));

        Assert.Equal(["u1", "u2"], standings.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(new TestStanding(true, 2), standings["u1"]["bank/a"]);
        Assert.Equal(new TestStanding(false, 1), standings["u2"]["bank/b"]);
    }

    private static Attempt Attempt(string userId, int number, DateTime started, DateTime? submitted, decimal? score, decimal? max, bool? passed, int questions = 2, string bank = "bank/a") => new()
    {
        UserId = userId,
        Bank = bank,
        Number = number,
        Questions = "[" + string.Join(",", Enumerable.Range(1, questions).Select(q => $"\"q{q}\"")) + "]",
        ChoiceOrders = "[" + string.Join(",", Enumerable.Repeat("[]", questions)) + "]",
        PassPercent = 70,
        StartedUtc = started,
        SubmittedUtc = submitted,
        Score = score,
        MaxScore = max,
        Passed = passed,
    };
}
