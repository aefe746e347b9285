using Learning.Modules.Reporting.Dashboard;
using Learning.Modules.Reporting.Facts;
using Learning.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Learning.Tests.Reporting;

/// <summary>
/// The dashboard's figures over a small world of facts whose every figure is worked out by hand below: 14 learners
/// in three structures and none, over the first quarter of 2026 (13 weeks, counted week by week).
/// </summary>
public sealed class ImpactDashboardTests
{
    private static readonly DateTime January1 = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private static readonly DashboardFilter Quarter = new(January1, new DateTime(2026, 3, 31, 0, 0, 0, DateTimeKind.Utc));

    private const string Bank = ImpactWorld.Bank;

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Every_figure_of_the_quarter_is_the_one_worked_by_hand(Db db)
    {
        await using var app = new LearningApp(db, content: TestContent.Small());
        await ImpactWorld.SeedAsync(app);

        var report = await ReportAsync(app, Quarter);

        // S1 was active in January, S2 in February; S3's only learner came in April. 2 of 20 = 10%.
        Assert.Equal((2m, 20m, 10m), (report.StructuresReached.Achieved, report.StructuresReached.Target, report.StructuresReached.Percent));
        // Registered in the quarter: a1–a6 (5 January) and d1, d2 (1 March); the b's registered in December.
        // Enrolled: a1–a6 and b1–b5. Active: those 11 and d1, d2 (their registration day). a5 completed and was certified.
        Assert.Equal(new Participation(8, 11, 13, 1, 1), report.Participation);

        // Of the 11 enrolled in the quarter, a1–a5 completed part 1 and a5 every part.
        var part1 = report.Parts.Single(p => p.Part == "part-1");
        Assert.Equal((11, 5), (part1.Enrolled, part1.Completed));
        Assert.Equal((11, 1), (report.Parts.Single(p => p.Part == "part-4").Enrolled, report.Parts.Single(p => p.Part == "part-4").Completed));

        // Weeks start on Mondays: 29 December 2025 holds 1 January; 5 January the a's; 23 February holds Sunday 1 March.
        Assert.Equal(14, report.OverTime.Count);
        Assert.Equal(new DateTime(2025, 12, 29), report.OverTime[0].Start);
        var weekOf5January = report.OverTime.Single(w => w.Start == new DateTime(2026, 1, 5));
        Assert.Equal((6, 6, 6), (weekOf5January.Registrations, weekOf5January.Enrolments, weekOf5January.ActiveLearners));
        var weekOf23February = report.OverTime.Single(w => w.Start == new DateTime(2026, 2, 23));
        Assert.Equal((2, 0, 2), (weekOf23February.Registrations, weekOf23February.Enrolments, weekOf23February.ActiveLearners));
        Assert.Equal(8, report.OverTime.Sum(w => w.Registrations));
        Assert.Equal(1, report.OverTime.Single(w => w.Start == new DateTime(2026, 3, 9)).Certificates);

        // a1–a6 (French) scored 95, 80, 70, 60, 100, 30: 4 of 6 passed, mean 435 / 6 = 72.5.
        var french = report.Tests.Single(t => t.Culture == "fr");
        Assert.Equal((Bank, 6, 6, 4), (french.Bank, french.Attempts, french.Learners, french.Passed));
        Assert.Equal(72.5, french.AverageScore, 6);
        // b1–b3 (Spanish) scored 50, 50, 90; b1's retake in April is outside the quarter.
        var spanish = report.Tests.Single(t => t.Culture == "es");
        Assert.Equal((3, 3, 1), (spanish.Attempts, spanish.Learners, spanish.Passed));
        Assert.Equal(TestContent.PartTitle(1, "en"), french.Title);
        // Bands of 10%: 30 → 3, 50 ×2 → 5, 60 → 6, 70 → 7, 80 → 8, 90, 95 and 100 → 9.
        Assert.Equal([0, 0, 0, 1, 0, 2, 1, 1, 1, 3], report.Scores.Single().Attempts);

        // Feedback: 10 received, 6 acted on (4 on the practice, 2 on the part): 60% against 80% = 75% of the objective.
        Assert.Equal((10, 3, 6, 1), (report.Feedback.Received, report.Feedback.New, report.Feedback.ActedOn, report.Feedback.Rejected));
        Assert.Equal((60m, 80m, 75m), (report.Feedback.ActedOnObjective.Achieved, report.Feedback.ActedOnObjective.Target, report.Feedback.ActedOnObjective.Percent));
        Assert.Equal([("mooc-course", 0, 0), ("mooc-part", 4, 2), ("practice", 6, 4), ("tutorial", 0, 0)], report.Feedback.ByKind.Select(k => (k.Kind, k.Received, k.ActedOn)).OrderBy(k => k.Kind));
        Assert.Equal([("Neighbourhood job desk", 10L), ("Partners' day", 4L)], report.Practices.Select(r => (r.Title, r.Reads)));

        // First tries: p1-a01 failed by 4 of 6, p1-a02 by 2 of 5 (bit 9, a second byte); p9-a99 is no longer in the course.
        Assert.Equal([("part-1", "Activity p1-a01 (en)", 6, 4), ("part-1", "Activity p1-a02 (en)", 5, 2)],
            report.HardestActivities.Select(a => (a.Part, a.Title, a.Tried, a.FailedAtFirstTry)));

        // At risk: enrolled, not finished, quiet for 30 days — every enrolled learner but a5.
        Assert.Equal(10, report.AtRisk.Count);
        Assert.Equal(10, report.AtRisk.Learners.Count);
        Assert.Equal("b1", report.AtRisk.Learners.Last().DisplayName); // active latest (its retake in April)
        Assert.Equal(2, report.AtRisk.RemindersSent); // 20 February and 30 March; 1 April is after the quarter
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Filters_keep_only_the_learners_they_name(Db db)
    {
        await using var app = new LearningApp(db, content: TestContent.Small());
        var (s1, s2, s3) = await ImpactWorld.SeedAsync(app);

        var french = await ReportAsync(app, Quarter with { Culture = "fr" });
        Assert.Equal(new Participation(6, 6, 6, 1, 1), french.Participation);
        Assert.Equal((6, 4), (french.Feedback.Received, french.Feedback.ActedOn));
        Assert.Equal([("Neighbourhood job desk", 3L)], french.Practices.Select(r => (r.Title, r.Reads)));
        Assert.Equal(1m, french.StructuresReached.Achieved);
        Assert.Equal(["fr"], french.Tests.Select(t => t.Culture));
        Assert.Equal(2, french.AtRisk.RemindersSent); // the tenant's, whatever the filter
        Assert.Equal([("Activity p1-a01 (en)", 6, 4)], french.HardestActivities.Select(a => (a.Title, a.Tried, a.FailedAtFirstTry)));

        // France: S1 and S3 are French; d1 and d2 have no structure and live in Italy.
        var france = await ReportAsync(app, Quarter with { Country = "FR" });
        Assert.Equal(6, france.Participation.Registrations);
        var italy = await ReportAsync(app, Quarter with { Country = "IT" });
        Assert.Equal(new Participation(2, 0, 2, 0, 0), italy.Participation);
        Assert.Equal(0m, italy.StructuresReached.Achieved);

        var employment = await ReportAsync(app, Quarter with { StructureType = "employment-service" });
        Assert.Equal(new Participation(0, 5, 5, 0, 0), employment.Participation);

        var third = await ReportAsync(app, Quarter with { StructureId = s3 });
        Assert.Equal(new Participation(0, 0, 0, 0, 0), third.Participation);
        Assert.Equal(0, third.AtRisk.Count);

        var counsellors = await ReportAsync(app, Quarter with { Profession = "Job counsellor" });
        Assert.Equal(3, counsellors.Participation.Registrations); // a1, a2, d1
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_month_or_more_is_counted_month_by_month_each_learner_once_a_month(Db db)
    {
        await using var app = new LearningApp(db, content: TestContent.Small());
        await ImpactWorld.SeedAsync(app);

        var year = await ReportAsync(app, new DashboardFilter(January1, new DateTime(2026, 12, 31, 0, 0, 0, DateTimeKind.Utc)));
        Assert.Equal(12, year.OverTime.Count);
        // The a's were active on 5, 6 and 20 January: 6 learners in January, not 18.
        Assert.Equal(6, year.OverTime[0].ActiveLearners);
        // April: c1 registered, b1 retook the test.
        Assert.Equal((1, 2), (year.OverTime[3].Registrations, year.OverTime[3].ActiveLearners));
        Assert.Equal(3m, year.StructuresReached.Achieved);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_report_is_computed_once_per_refresh_of_the_facts_and_the_opening_one_is_prepared_by_the_job(Db db)
    {
        await using var app = new LearningApp(db, content: TestContent.Small());
        await ImpactWorld.SeedAsync(app);
        Task<DashboardReport> CachedAsync(DashboardFilter filter, string culture = "en") =>
            app.WithTenantAsync(sp => sp.GetRequiredService<ImpactDashboard>().CachedReportAsync(filter, culture, listAtRisk: true, default));

        var first = await CachedAsync(Quarter);
        Assert.Same(first, await CachedAsync(Quarter));
        Assert.NotSame(first, await CachedAsync(Quarter with { Culture = "fr" }));
        Assert.NotSame(first, await CachedAsync(Quarter, "fr"));

        // A refresh reads the features, where these learners did nothing but register: the next opening says so.
        await app.WithTenantAsync(sp => sp.GetRequiredService<FactsRefresh>().RunAsync(default));
        var refreshed = await CachedAsync(Quarter);
        Assert.NotSame(first, refreshed);
        Assert.Equal(0, refreshed.Participation.Enrolments);

        // What the job prepares after a refresh is what the dashboard opens on: the last twelve months, in the tenant's language.
        var prepared = await app.WithTenantAsync(sp => sp.GetRequiredService<ImpactDashboard>().PrepareDefaultAsync(default));
        var (from, to) = ImpactDashboard.DefaultPeriod(DateTime.UtcNow);
        Assert.Same(prepared, await CachedAsync(new DashboardFilter(from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), to.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)), "fr"));
    }

    private static Task<DashboardReport> ReportAsync(LearningApp app, DashboardFilter filter) =>
        app.WithTenantAsync(sp => sp.GetRequiredService<ImpactDashboard>().ReportAsync(filter, "en", listAtRisk: true, default));
}
