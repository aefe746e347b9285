using Learning.Modules.Reporting.Charts;
using Learning.Modules.Reporting.Tables;

namespace Learning.Modules.Reporting.FunderReport;

/// <summary>A part of the report: a heading, an optional paragraph, a table and the chart drawn from it.</summary>
public sealed record ReportSection(string Heading, string? Text, ReportTable Table, ChartKind? Chart = null);
