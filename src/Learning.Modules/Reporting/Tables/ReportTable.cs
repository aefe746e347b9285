namespace Learning.Modules.Reporting.Tables;

/// <summary>
/// A table of figures as every output shows it: the page's HTML table and chart, the CSV, the workbook
/// and the funder's PDF. Titles, descriptions and column names come already translated; the first column
/// is usually the rows' labels.
/// </summary>
public sealed record ReportTable(string Id, string Title, string Description, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<Cell>> Rows)
{
    /// <summary>The kind that describes a column: that of its first cell that is not empty text.</summary>
    public CellKind ColumnKind(int column) =>
        Rows.Select(r => column < r.Count ? r[column] : Cell.Empty)
            .FirstOrDefault(c => c.Kind != CellKind.Text || c.Text is not null)?.Kind ?? CellKind.Text;

    /// <summary>The columns a chart of this table draws, in order (none: every column of figures after the first):
    /// a completion table charts its percentages, not its counts beside them.</summary>
    public IReadOnlyList<int>? ChartColumns { get; init; }

    public Cell At(int row, int column) => column < Rows[row].Count ? Rows[row][column] : Cell.Empty;
}
