namespace Learning.Modules.Reporting.Tables;

/// <summary>
/// One cell of a report table. Count: a plain count (e.g. structures); People: a count of learners, "&lt; 5"
/// when 1–4; Percent: 0–100 with one decimal; Decimal: two decimals. Suppressed is true for People 1–4, and
/// for any cell the figure code marks suppressed (e.g. a pass rate over 1–4 learners).
/// </summary>
/// <remarks>
/// A suppressed cell keeps no number: whatever draws or exports it (screen, chart, CSV, workbook, PDF) cannot
/// leak the figure it hides, because the figure is not there.
/// </remarks>
public sealed record Cell(CellKind Kind, string? Text, decimal? Number, bool Suppressed)
{
    /// <summary>No value, shown as "–".</summary>
    public static readonly Cell Empty = new(CellKind.Text, null, null, false);

    public static Cell Of(string text) => new(CellKind.Text, text, null, false);

    public static Cell Count(long n) => new(CellKind.Count, null, n, false);

    /// <summary>A count of learners: 1 to 4 is suppressed ("&lt; 5"); 0 stays 0.</summary>
    public static Cell People(long n) => n >= 1 && n < ItemAnalysis.FewestLearners
        ? new(CellKind.People, null, null, true)
        : new(CellKind.People, null, n, false);

    public static Cell Percent(decimal? value, bool suppressed = false) =>
        new(CellKind.Percent, null, suppressed ? null : value, suppressed);

    public static Cell Decimal(decimal? value, bool suppressed = false) =>
        new(CellKind.Decimal, null, suppressed ? null : value, suppressed);

    /// <summary>True when the cell holds a figure that can be drawn or computed with.</summary>
    public bool HasNumber => !Suppressed && Number is not null && Kind != CellKind.Text;
}
