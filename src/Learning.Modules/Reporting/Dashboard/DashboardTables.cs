using System.Globalization;
using Learning.Modules.Reporting.Tables;
using Microsoft.Extensions.Localization;

namespace Learning.Modules.Reporting.Dashboard;

/// <summary>
/// The dashboard's figures as worded tables, the one source of the page, the CSV files, the workbook and the
/// funder report, so that all four say the same. Counts of learners become <see cref="Cell.People"/> cells
/// ("&lt; 5" for 1 to 4), and so does every share computed over fewer than 5 learners.
/// </summary>
public static class DashboardTables
{
    public const int FewestLearners = ItemAnalysis.FewestLearners;

    public static ReportTable Objectives(DashboardReport report, IStringLocalizer S) => new(
        "objectives",
        S["Objectives and achievements"],
        S["Each objective of the project, what was achieved in the period, and the achievement as a share of the objective."],
        [S["Objective"], S["Target"], S["Achieved"], S["% of objective"]],
        [
            [Cell.Of(S["Structures reached"]), Cell.Count((long)report.StructuresReached.Target), Cell.Count((long)report.StructuresReached.Achieved), Cell.Percent(report.StructuresReached.Percent)],
            [Cell.Of(S["Feedback acted on (%)"]), Cell.Percent(report.Feedback.ActedOnObjective.Target), FeedbackShare(report.Feedback), report.Feedback.Received == 0 ? Cell.Empty : Cell.Percent(report.Feedback.ActedOnObjective.Percent, report.Feedback.TooFew)],
        ]) { ChartColumns = [2, 1] };

    public static ReportTable Participation(DashboardReport report, IStringLocalizer S)
    {
        var p = report.Participation;
        return new(
            "participation",
            S["Participants"],
            S["Learners who registered, enrolled in the course, were active, completed the course and received a certificate in the period."],
            [S["Figure"], S["Learners"]],
            [
                [Cell.Of(S["Registrations"]), Cell.People(p.Registrations)],
                [Cell.Of(S["Enrolments in the course"]), Cell.People(p.Enrolments)],
                [Cell.Of(S["Active learners"]), Cell.People(p.ActiveLearners)],
                [Cell.Of(S["Course completed (of those enrolled in the period)"]), Cell.People(p.CoursesCompleted)],
                [Cell.Of(S["Certificates issued"]), Cell.People(p.Certificates)],
            ]);
    }

    public static ReportTable Parts(DashboardReport report, IStringLocalizer S) => new(
        "completion",
        S["Completion of each part"],
        S["Of the learners who enrolled in the period, how many have completed each part so far (every activity done and its test passed)."],
        [S["Part"], S["Enrolled"], S["Completed"], S["Completion"]],
        report.Parts.Select(p => (IReadOnlyList<Cell>)[Cell.Of(p.Title), Cell.People(p.Enrolled), Cell.People(p.Completed), Share(p.Completed, p.Enrolled, p.Enrolled)]).ToList())
        { ChartColumns = [3] };

    public static ReportTable OverTime(DashboardReport report, IStringLocalizer S, CultureInfo culture) => new(
        "over-time",
        report.Filter.ByWeek ? S["Week by week"] : S["Month by month"],
        S["Registrations, enrolments, active learners and certificates in each week or month of the period."],
        [report.Filter.ByWeek ? S["Week of"] : S["Month"], S["Registrations"], S["Enrolments"], S["Active learners"], S["Certificates"]],
        Protected(report.OverTime.Select(t => (IReadOnlyList<Cell>)[
            Cell.Of(report.Filter.ByWeek ? t.Start.ToString("d", culture) : t.Start.ToString("Y", culture)),
            Cell.People(t.Registrations), Cell.People(t.Enrolments), Cell.People(t.ActiveLearners), Cell.People(t.Certificates)]).ToList()));

    public static ReportTable Tests(DashboardReport report, IStringLocalizer S, Func<string, string> languageName) => new(
        "tests",
        S["Validation tests"],
        S["Attempts submitted in the period at each part's test, by the learners' language: pass rate (70% needed) and average score."],
        [S["Test and language"], S["Attempts"], S["Learners"], S["Pass rate"], S["Average score"]],
        report.Tests.Select(t => (IReadOnlyList<Cell>)[
            Cell.Of($"{t.Title} · {languageName(t.Culture)}"), Attempts(t.Attempts, t.Learners), Cell.People(t.Learners),
            Share(t.Passed, t.Attempts, t.Learners), Cell.Percent((decimal)Math.Round(t.AverageScore, 1), t.Learners < FewestLearners)]).ToList())
        { ChartColumns = [3, 4] };

    public static ReportTable Scores(DashboardReport report, IStringLocalizer S) => new(
        "scores",
        S["Distribution of scores"],
        S["How many attempts submitted in the period scored in each band of 10%, for each part's test."],
        [S["Score"], .. report.Scores.Select(s => s.Title)],
        Protected(Enumerable.Range(0, 10).Select(band => (IReadOnlyList<Cell>)[
            Cell.Of(band == 9 ? "90–100 %" : $"{band * 10}–{band * 10 + 9} %"),
            .. report.Scores.Select(s => Attempts(s.Attempts[band], s.Learners[band]))]).ToList()));

    public static ReportTable Reads(string id, IReadOnlyList<ReadFigures> reads, string title, string description, string itemColumn, IStringLocalizer S) => new(
        id, title, description,
        [itemColumn, S["Reads"]],
        reads.Select(r => (IReadOnlyList<Cell>)[Cell.Of(r.Title), Cell.Count(r.Reads)]).ToList());

    public static ReportTable HardestActivities(DashboardReport report, IStringLocalizer S) => new(
        "activities",
        S["Activities most often failed at the first try"],
        S["Formative activities of the course whose first try was most often not all right, since the course opened."],
        [S["Activity"], S["Learners who tried"], S["Failed at the first try"], S["Share"]],
        report.HardestActivities.Select(a => (IReadOnlyList<Cell>)[Cell.Of(a.Title), Cell.People(a.Tried), Cell.People(a.FailedAtFirstTry), Share(a.FailedAtFirstTry, a.Tried, a.Tried)]).ToList())
        { ChartColumns = [3] };

    public static ReportTable Feedback(DashboardReport report, IStringLocalizer S, Func<string, string> kindName) => new(
        "feedback",
        S["Feedback acted on"],
        S["Opinions and survey answers received in the period, and how many were accepted or done by the editors."],
        [S["About"], S["Received"], S["Acted on"], S["Share acted on"]],
        [
            .. Protected(report.Feedback.ByKind.Select(k => (IReadOnlyList<Cell>)[Cell.Of(kindName(k.Kind)), Cell.People(k.Received), Cell.People(k.ActedOn), Share(k.ActedOn, k.Received, k.Received)]).ToList()),
            [Cell.Of(S["All"]), Cell.People(report.Feedback.Received), Cell.People(report.Feedback.ActedOn), Share(report.Feedback.ActedOn, report.Feedback.Received, report.Feedback.Received)],
        ]) { ChartColumns = [3] };

    public static ReportTable AtRiskCount(DashboardReport report, IStringLocalizer S) => new(
        "at-risk",
        S["Learners at risk"],
        S["Enrolled learners who have not finished the course and have not been active for {0} days.", report.AtRisk.Days],
        [S["Figure"], S["Learners"]],
        [
            [Cell.Of(S["At risk"]), Cell.People(report.AtRisk.Count)],
            [Cell.Of(S["Reminders e-mailed in the period (to every inactive learner, whatever the filter)"]), Cell.People(report.AtRisk.RemindersSent)],
        ]);

    /// <summary>The at-risk learners by name: for administrators only, never in the funder report.</summary>
    public static ReportTable AtRiskList(DashboardReport report, IStringLocalizer S, CultureInfo culture) => new(
        "at-risk-list",
        S["Learners at risk, by name"],
        S["The {0} learners quiet for longest first (at most {1}).", report.AtRisk.Learners.Count, ImpactDashboard.AtRiskListed],
        [S["Name"], S["E-mail address"], S["Last active"], S["Parts completed"]],
        report.AtRisk.Learners.Select(l => (IReadOnlyList<Cell>)[Cell.Of(l.DisplayName), Cell.Of(l.Email), Cell.Of(l.LastActiveUtc.ToString("d", culture)), Cell.Count(l.PartsCompleted)]).ToList());

    /// <summary>A count of attempts, hidden when they are the attempts of 1 to 4 learners (one learner may try often).</summary>
    private static Cell Attempts(int attempts, int learners) =>
        attempts > 0 && learners < FewestLearners ? new Cell(CellKind.People, null, null, Suppressed: true) : Cell.People(attempts);

    /// <summary>
    /// Secondary suppression: where a column's total is shown elsewhere (the participants' table beside the weeks, the
    /// "All" row beside the kinds, a test's attempts beside its score bands), one hidden cell would be the total minus
    /// the others. So when a column of figures hides exactly one cell, the smallest other cell of that column is not
    /// shown either ("–": it may be 5 or more, so "&lt; 5" would be untrue); then only the sum of the two can be worked out.
    /// </summary>
    private static List<IReadOnlyList<Cell>> Protected(List<IReadOnlyList<Cell>> rows)
    {
        var cells = rows.Select(r => r.ToArray()).ToList();
        var columns = cells.Count == 0 ? 0 : cells.Max(r => r.Length);
        for (var column = 1; column < columns; column++)
        {
            var inColumn = cells.Where(r => column < r.Length && r[column].Kind == CellKind.People).ToList();
            if (inColumn.Count(r => r[column].Suppressed) != 1)
            {
                continue;
            }

            var partner = inColumn.Where(r => !r[column].Suppressed).OrderBy(r => r[column].Number).FirstOrDefault();
            if (partner is not null)
            {
                partner[column] = Cell.Empty;
            }
        }

        return cells.Select(r => (IReadOnlyList<Cell>)r).ToList();
    }

    /// <summary>A share in %, suppressed when it describes fewer than 5 learners: taken over fewer than 5, or counting
    /// 1 to 4 of them (beside the whole, 9.1% would tell that 1 of 11 did it).</summary>
    private static Cell Share(int part, int whole, int learners) =>
        whole == 0 ? Cell.Empty : Cell.Percent(Math.Round(100m * part / whole, 1), learners < FewestLearners || part is >= 1 and < FewestLearners);

    // The share acted on counts items, each from one learner.
    private static Cell FeedbackShare(FeedbackReport feedback) =>
        feedback.Received == 0 ? Cell.Empty : Cell.Percent(feedback.ActedOnObjective.Achieved, feedback.TooFew);
}
