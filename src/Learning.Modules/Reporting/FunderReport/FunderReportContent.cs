using System.Globalization;
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
