using Learning.Modules.Reporting.Tables;

namespace Learning.Modules.Reporting.Charts;

/// <summary>
/// What a page gives the &lt;report-figure&gt; tag helper: the table, the chart drawn from it (none: the table
/// alone), a prefix that makes the figure's ids unique on the page, and the addresses of the table's CSV
/// and workbook downloads (the page's handlers; none: no link).
/// </summary>
public sealed record ReportFigure(ReportTable Table, ChartKind? Chart, string IdPrefix, string? CsvHref = null, string? XlsxHref = null);
