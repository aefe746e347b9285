using Learning.Modules.Data;
using Learning.Modules.Feedback;
using Learning.Modules.Feedback.Contracts;
using Learning.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Learning.Tests.Feedback.FeedbackSteps;

namespace Learning.Tests.Feedback;

/// <summary>Feedback's contract for Reporting, against a set made by hand whose every figure is counted below.</summary>
public sealed class FeedbackFiguresTests
{
    private static DateTime At(int month, int day, int hour = 10) => new(2026, month, day, hour, 0, 0, DateTimeKind.Utc);

    private static readonly DateTime November = At(11, 1, 0);
    private static readonly DateTime December = At(12, 1, 0);

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task The_figures_count_what_was_received_in_a_period_by_status_now_the_ratings_and_the_survey(Db db)
    {
        await using var app = new LearningApp(db, content: TestContent.Only());
        var triagedLater = Item("u2", "practice", "job-desk", 4, At(11, 10), FeedbackStatus.Done, "fr");
        triagedLater.StatusChangedUtc = At(11, 28);
        await app.AddAsync(
            Item("u1", "practice", "job-desk", 5, At(11, 3), FeedbackStatus.Accepted, comment: "Clear."),  // 1
            triagedLater,                                                                                   // 2
            Item("u3", "practice", "job-desk", 2, At(11, 15), FeedbackStatus.Rejected),                     // 3
            Item("u4", "practice", "digital-check", 3, At(11, 20)),                                         // 4
            Item("u1", "tutorial", "job-desk", 1, At(11, 25), FeedbackStatus.Accepted),                     // 5
            Item("u2", "mooc-part", "part-1", 4, At(10, 31, 23), FeedbackStatus.Done),                      // 6: before the period
            Item("u3", "mooc-part", "part-1", 5, December, FeedbackStatus.Accepted),                        // 7: its end, excluded
            Item("u1", "mooc-course", "mooc", null, At(11, 5), recommend: Recommendation.Yes),               // 8
            Item("u2", "mooc-course", "mooc", 4, At(11, 6), FeedbackStatus.Accepted, "fr", recommend: Recommendation.No), // 9
            Item("u3", "mooc-course", "mooc", null, At(11, 7), FeedbackStatus.Rejected, recommend: Recommendation.NotSure), // 10
            Item("u4", "mooc-course", "mooc", null, At(11, 8), FeedbackStatus.Done, comment: null),          // 11: no answer to "recommend"
            Item("u5", "mooc-course", "mooc", null, At(10, 1), recommend: Recommendation.Yes));              // 12: before the period

        var (summary, french, practices, parts, survey, year, changed, learners) = await app.WithTenantAsync(async sp =>
        {
            var figures = sp.GetRequiredService<FeedbackFigures>();
            return (await figures.SummaryAsync(November, December, null, default), await figures.SummaryAsync(November, December, "fr", default),
                await figures.RatingsAsync("practice", default), await figures.RatingsAsync("mooc-part", default),
                await figures.SurveyAsync(November, December, default), await figures.SurveyAsync(At(1, 1, 0), At(12, 31, 0), default),
                await figures.ChangedSinceAsync(At(11, 20, 0), default), await figures.LearnersAsync(["u1", "u3", "nobody"], default));
        });

        // November: items 1, 2, 3, 4, 5, 8, 9, 10, 11. New: 4, 8. Accepted: 1, 5, 9. Done: 2, 11. Rejected: 3, 10.
        Assert.Equal((9, 2, 3, 2, 2, 5), (summary.Received, summary.New, summary.Accepted, summary.Done, summary.Rejected, summary.ActedOn));
        // Practices 1-4 (acted on: 1, 2); the tutorial 5 (acted on); no part in the period; the survey 8-11 (acted on: 9, 11).
        Assert.Equal([new("practice", 4, 2), new("tutorial", 1, 1), new("mooc-part", 0, 0), new("mooc-course", 4, 2)], summary.ByKind);
        // In French: items 2 (done) and 9 (accepted).
        Assert.Equal((2, 0, 1, 1, 0, 2), (french.Received, french.New, french.Accepted, french.Done, french.Rejected, french.ActedOn));
        Assert.Equal([new("practice", 1, 1), new("tutorial", 0, 0), new("mooc-part", 0, 0), new("mooc-course", 1, 1)], french.ByKind);

        // Whenever given: digital-check 3 alone; job-desk (5 + 4 + 2) / 3 = 3.666… → 3.67; part-1 (4 + 5) / 2 = 4.5.
        Assert.Equal([new("digital-check", 3m, 1), new("job-desk", 3.67m, 3)], practices);
        Assert.Equal([new("part-1", 4.5m, 2)], parts);

        // Surveys of November: 8 (yes), 9 (no), 10 (not sure), 11 (unanswered); of the year, 12 (yes) too.
        Assert.Equal(new SurveySummary(4, 1, 1, 1), survey);
        Assert.Equal(new SurveySummary(5, 2, 1, 1), year);

        // Changed after 20 November at midnight: 4 (u4), 5 (u1), 7 (u3) given, 2 (u2) triaged on the 28th; u5 not.
        Assert.Equal(["u1", "u2", "u3", "u4"], changed.Order());
        // u1: items 1, 5, 8, rated 1 and 5, acted on 1 and 5, last on 25 November; u3: items 3, 7, 10, rated 3 and 7, acted on 7.
        Assert.Equal([new("u1", 3, 2, 2, true, At(11, 25)), new("u3", 3, 2, 1, true, December)], learners.OrderBy(l => l.UserId));
    }

    [Fact]
    public async Task The_figures_of_learners_are_read_in_batches_of_a_thousand_ids()
    {
        await using var app = new LearningApp(content: TestContent.Only());
        // 2,500 learners, one rating each: three batches, every learner found once.
        await app.AddAsync(Enumerable.Range(0, 2500).Select(n => Item($"u{n}", "practice", "job-desk", n % 5 + 1, At(11, 3))).ToArray());

        var learners = await app.WithTenantAsync(sp => sp.GetRequiredService<FeedbackFigures>()
            .LearnersAsync(Enumerable.Range(0, 2500).Select(n => $"u{n}").ToList(), default));

        Assert.Equal(2500, learners.Select(l => l.UserId).Distinct().Count());
        Assert.All(learners, l => Assert.Equal((1, 1, 0, false), (l.Items, l.Rated, l.ActedOn, l.AnsweredSurvey)));
    }
}
