using System.Globalization;
using Learning.Modules.Reporting.Dashboard;
using Learning.Modules.Reporting.Tables;

namespace Learning.Tests.Reporting;

/// <summary>What the dashboard's tables hide: attempts of fewer than 5 learners however many they are, and a second
/// cell beside a lone hidden one, which a total shown elsewhere would otherwise give away.</summary>
public sealed class DashboardTablesTests
{
    private static readonly DashboardFilter Quarter = new(new DateTime(2026, 1, 1), new DateTime(2026, 3, 31));

    [Fact]
    public void Seven_attempts_by_two_learners_are_hidden_in_the_tests_and_in_the_score_bands()
    {
        var report = Report(
            tests: [new TestFigures("b", "Part 1", "fr", Attempts: 7, Learners: 2, Passed: 3, AverageScore: 50)],
            scores: [new ScoreBands("b", "Part 1", [0, 0, 0, 0, 0, 7, 0, 0, 0, 0], [0, 0, 0, 0, 0, 2, 0, 0, 0, 0])]);

        var tests = DashboardTables.Tests(report, ReportStrings.In("en"), c => c);
        Assert.True(tests.Rows[0][1].Suppressed);
        Assert.Null(tests.Rows[0][1].Number);

        var bands = DashboardTables.Scores(report, ReportStrings.In("en")).Rows.Select(r => r[1]).ToList();
        Assert.True(bands[5].Suppressed);
        // The band's total is the test's attempts: a second band goes unshown ("–"), the first of the smallest.
        Assert.Equal(Cell.Empty, bands[0]);
        Assert.Equal(8, bands.Count(b => b.Kind == CellKind.People && !b.Suppressed && b.Number == 0));
    }

    [Fact]
    public void A_lone_hidden_week_is_paired_with_the_smallest_other_and_two_hidden_weeks_are_left_as_they_are()
    {
        var report = Report(overTime:
        [
            new PeriodFigures(new DateTime(2026, 1, 5), Registrations: 12, Enrolments: 2, ActiveLearners: 9, Certificates: 0),
            new PeriodFigures(new DateTime(2026, 1, 12), Registrations: 6, Enrolments: 3, ActiveLearners: 8, Certificates: 0),
            new PeriodFigures(new DateTime(2026, 1, 19), Registrations: 3, Enrolments: 7, ActiveLearners: 5, Certificates: 0),
        ]);

        var rows = DashboardTables.OverTime(report, ReportStrings.In("en"), CultureInfo.InvariantCulture).Rows;
        // Registrations: 3 hidden, so the 6 (the smallest other) is not shown either; 12 stays.
        Assert.Equal([12m, null, null], rows.Select(r => r[1].Number));
        Assert.True(rows[2][1].Suppressed);
        Assert.Equal(Cell.Empty, rows[1][1]);
        // Enrolments: 2 and 3 hidden already: nothing more to hide.
        Assert.Equal([true, true, false], rows.Select(r => r[2].Suppressed));
        Assert.Equal(7m, rows[2][2].Number);
        // Active learners and certificates hide nothing.
        Assert.Equal([9m, 8m, 5m], rows.Select(r => r[3].Number));
        Assert.Equal([0m, 0m, 0m], rows.Select(r => r[4].Number));
    }

    private static DashboardReport Report(IReadOnlyList<PeriodFigures>? overTime = null, IReadOnlyList<TestFigures>? tests = null, IReadOnlyList<ScoreBands>? scores = null) => new(
        Quarter, null, new Objective(0, 20), new Participation(0, 0, 0, 0, 0), [], overTime ?? [], tests ?? [], scores ?? [], [], [], [],
        new FeedbackReport(0, 0, 0, 0, new Objective(0, 80), []), new AtRisk(30, 0, []));
}
