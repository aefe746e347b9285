using Learning.Modules.Reporting.Tables;

namespace Learning.Modules.Reporting.Dashboard;

/// <summary>A table as the dashboard shows it, with the address of its CSV.</summary>
public sealed record ReportTableView(ReportTable Table, string CsvLink);
