using System.Globalization;
using Learning.Modules.Reporting.Charts;
using Learning.Modules.Reporting.Tables;

namespace Learning.Modules.Reporting.FunderReport;

/// <summary>
/// What the funder's PDF shows, in the shape of the partners' activity reports: objectives against
/// achievements in %, then one section per figure (participants, completion, certificates, structures
/// reached, feedback acted on…), each a table with an optional chart. Texts come translated into the
/// administrator's language (<paramref name="Culture"/>), which also sets how numbers are written and the
/// PDF's own few words (column headers, "% of objective").
/// </summary>
public sealed record FunderReportContent(
    string Culture,
    string Title,
    string TenantName,
    string PeriodText,
    string GeneratedText,
    IReadOnlyList<ObjectiveRow> Objectives,
    IReadOnlyList<ReportSection> Sections)
{
    public CultureInfo CultureInfo => CultureInfo.GetCultureInfo(Culture);

    /// <summary>The objectives as a table (indicator, objective, achieved, % of objective), headers in the report's language.</summary>
    public ReportTable ObjectivesTable()
    {
        var culture = CultureInfo;
        return new ReportTable(
            "objectives",
            CellFormat.Text("Objectives and achievements", culture),
            CellFormat.Text("Each objective set for the period, what was achieved, and the achievement as a percentage of the objective.", culture),
            [CellFormat.Text("Indicator", culture), CellFormat.Text("Objective", culture), CellFormat.Text("Achieved", culture), CellFormat.Text("% of objective", culture)],
            [.. Objectives.Select(o => (IReadOnlyList<Cell>)[Cell.Of(o.LabelWithUnit), o.ObjectiveCell, o.AchievedCell, o.PercentOfObjectiveCell])]);
    }

    /// <summary>The objectives as a progress chart's table: label (with its unit), achieved, objective.</summary>
    public ReportTable ObjectivesChartTable()
    {
        var table = ObjectivesTable();
        return table with
        {
            Columns = [table.Columns[0], table.Columns[2], table.Columns[1]],
            Rows = [.. table.Rows.Select(r => (IReadOnlyList<Cell>)[r[0], r[2], r[1]])],
        };
    }
}

/// <summary>
/// One objective: "20 structures", achieved 14 → 70.0 % of objective. <paramref name="Unit"/> is shown
/// after the numbers ("%" makes them percentages). When <paramref name="AboutPeople"/>, an achievement of 1 to 4
/// shows "&lt; 5", and so does its percentage, which would give it away.
/// </summary>
public sealed record ObjectiveRow(string Label, decimal? Objective, decimal? Achieved, string Unit, bool AboutPeople = false)
{
    private bool Hidden => AboutPeople && Achieved >= 1 && Achieved < ItemAnalysis.FewestLearners;

    /// <summary>Achieved as a percentage of the objective, one decimal; none without an objective above 0.</summary>
    public decimal? PercentOfObjective => Hidden || Achieved is null || Objective is null or 0
        ? null
        : decimal.Round(Achieved.Value / Objective.Value * 100, 1, MidpointRounding.AwayFromZero);

    /// <summary>"Structures reached (structures)": the unit beside the label, since the cells hold bare numbers.</summary>
    public string LabelWithUnit => string.IsNullOrWhiteSpace(Unit) || Unit == "%" ? Label : $"{Label} ({Unit})";

    public Cell ObjectiveCell => Number(Objective, hidden: false);

    public Cell AchievedCell => Number(Achieved, Hidden);

    public Cell PercentOfObjectiveCell => Cell.Percent(PercentOfObjective, Hidden);

    private Cell Number(decimal? value, bool hidden) => Unit == "%"
        ? Cell.Percent(value, hidden)
        : hidden ? new Cell(CellKind.Count, null, null, true)
        : value is { } v && v == decimal.Truncate(v) ? Cell.Count((long)v) : Cell.Decimal(value);
}

/// <summary>A part of the report: a heading, an optional paragraph, a table and the chart drawn from it.</summary>
public sealed record ReportSection(string Heading, string? Text, ReportTable Table, ChartKind? Chart = null);
