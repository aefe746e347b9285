using System.Globalization;
using Learning.Modules.Reporting.Tables;

namespace Learning.Modules.Reporting.Charts;

/// <summary>
/// Lays a report table out as a chart's shapes. Values are written on or beside every bar, so the bars can be
/// read without telling colours apart (and series alternate filled and outlined bars); a suppressed value
/// gets no bar, only its "&lt; 5" label. Labels are wrapped on two lines at most and shortened with "…",
/// the full text kept for the SVG's tooltip. Colours are dark on white (at least 3:1), for screens and paper.
/// </summary>
public static class ChartLayout
{
    public const double Width = 640;
    public const string Ink = "#1a1a1a";
    public const string Axis = "#595959";
    public const string Grid = "#d9d9d9";
    public const string Paper = "#ffffff";

    /// <summary>Series colours: each at least 4.5:1 against white.</summary>
    public static readonly IReadOnlyList<string> Palette = ["#1f5f9e", "#a34e00", "#2c7a3b", "#6b3fa0"];

    private const double LabelSize = 12;
    private const double ValueSize = 11;
    private const double SmallSize = 10;

    public static ChartDrawing Lay(ChartKind kind, ReportTable table, CultureInfo culture, Func<Cell, string> display) => kind switch
    {
        ChartKind.Bars => Bars(table, display),
        ChartKind.OverTime => Columns(table, culture, display, touching: false),
        ChartKind.Histogram => Columns(table, culture, display, touching: true),
        ChartKind.Progress => Progress(table, display),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>The value columns of a table: those it names for charts, else every column after the first whose cells hold figures.</summary>
    public static IReadOnlyList<int> ValueColumns(ReportTable table) => table.ChartColumns ??
        [.. Enumerable.Range(1, Math.Max(0, table.Columns.Count - 1)).Where(c => table.ColumnKind(c) != CellKind.Text)];

    private static ChartDrawing Bars(ReportTable table, Func<Cell, string> display)
    {
        var series = ValueColumns(table);
        var shapes = new List<ChartShape>();
        var top = Legend(table, series, shapes, 8);
        const double labelWidth = 200;
        const double plotX = labelWidth + 12;
        const double plotWidth = Width - plotX - 72;
        const double barHeight = 16;
        const double barGap = 4;
        var maximum = Maximum(table, series);
        var y = top;
        for (var r = 0; r < table.Rows.Count; r++)
        {
            var (lines, full) = Wrap(display(table.At(r, 0)), 30, 2);
            var rowHeight = Math.Max(lines.Count * 15, series.Count * (barHeight + barGap)) + 10;
            for (var l = 0; l < lines.Count; l++)
            {
                shapes.Add(new ChartText(labelWidth, y + 13 + l * 15, lines[l], LabelSize, ChartAnchor.End, Ink, FullText: full));
            }

            for (var s = 0; s < series.Count; s++)
            {
                var cell = table.At(r, series[s]);
                var barY = y + s * (barHeight + barGap);
                var width = cell.HasNumber ? Math.Max(0, (double)cell.Number!.Value) / maximum * plotWidth : 0;
                if (width > 0)
                {
                    shapes.Add(Bar(plotX, barY, Math.Max(width, 1.5), barHeight, s));
                }

                shapes.Add(new ChartText(plotX + width + 4, barY + barHeight - 4, display(cell), ValueSize, ChartAnchor.Start, Ink));
            }

            y += rowHeight;
        }

        shapes.Insert(0, new ChartLine(plotX, top - 4, plotX, Math.Max(y - 6, top + 4), Axis));
        return Drawing(table, y + 4, shapes);
    }

    private static ChartDrawing Columns(ReportTable table, CultureInfo culture, Func<Cell, string> display, bool touching)
    {
        var series = ValueColumns(table);
        var shapes = new List<ChartShape>();
        var top = Legend(table, series, shapes, 8) + 8;
        const double plotX = 56;
        const double plotWidth = Width - plotX - 12;
        const double plotHeight = 200;
        var bottom = top + plotHeight;
        var highest = Maximum(table, series, percentFloor: false);
        // Counts step by whole numbers at least.
        var counts = series.All(c => table.ColumnKind(c) is CellKind.Count or CellKind.People);
        var maximum = NiceMaximum(counts ? Math.Max(highest, 4) : highest);
        var step = maximum / 4;
        for (var i = 0; i <= 4; i++)
        {
            var tickY = bottom - i * plotHeight / 4;
            if (i > 0)
            {
                shapes.Add(new ChartLine(plotX, tickY, plotX + plotWidth, tickY, Grid));
            }

            shapes.Add(new ChartText(plotX - 6, tickY + 4, CellFormat.Number((decimal)(step * i), culture), SmallSize, ChartAnchor.End, Ink));
        }

        var count = Math.Max(1, table.Rows.Count);
        var group = plotWidth / count;
        var gap = touching ? 0 : Math.Min(group * 0.25, 24);
        var columnWidth = (group - gap) / Math.Max(1, series.Count);
        var labelled = columnWidth >= 22;
        // Period labels: as many as fit side by side; with many periods every k-th one (the table has them all).
        var every = Math.Max(1, (int)Math.Ceiling(60 / group));
        var charsPerLine = Math.Max(4, (int)((group * every - 4) / 6));
        for (var r = 0; r < table.Rows.Count; r++)
        {
            var x = plotX + r * group + gap / 2;
            for (var s = 0; s < series.Count; s++)
            {
                var cell = table.At(r, series[s]);
                var height = cell.HasNumber ? Math.Max(0, (double)cell.Number!.Value) / maximum * plotHeight : 0;
                var columnX = x + s * columnWidth;
                if (height > 0)
                {
                    // Touching columns are parted by a white edge.
                    shapes.Add(touching
                        ? new ChartRect(columnX, bottom - height, columnWidth, height, Palette[s % Palette.Count], Paper)
                        : Bar(columnX, bottom - height, columnWidth, height, s));
                }

                if (labelled || cell.Suppressed)
                {
                    shapes.Add(new ChartText(columnX + columnWidth / 2, bottom - height - 4, display(cell), SmallSize, ChartAnchor.Middle, Ink));
                }
            }

            if (r % every == 0)
            {
                var (lines, full) = Wrap(display(table.At(r, 0)), charsPerLine, 2);
                for (var l = 0; l < lines.Count; l++)
                {
                    shapes.Add(new ChartText(plotX + r * group + group / 2, bottom + 14 + l * 12, lines[l], SmallSize, ChartAnchor.Middle, Ink, FullText: full));
                }
            }
        }

        shapes.Add(new ChartLine(plotX, bottom, plotX + plotWidth, bottom, Axis));
        shapes.Add(new ChartLine(plotX, top - 6, plotX, bottom, Axis));
        return Drawing(table, bottom + 44, shapes);
    }

    private static ChartDrawing Progress(ReportTable table, Func<Cell, string> display)
    {
        var series = ValueColumns(table);
        if (series.Count < 2)
        {
            throw new ArgumentException("A progress chart needs a label, an achieved and an objective column.", nameof(table));
        }

        var shapes = new List<ChartShape>();
        const double x = 8;
        const double barWidth = Width - 16;
        var y = 8.0;
        for (var r = 0; r < table.Rows.Count; r++)
        {
            var achieved = table.At(r, series[0]);
            var objective = table.At(r, series[1]);
            var share = ShareOfObjective(achieved, objective);
            var figures = $"{display(achieved)} / {display(objective)} · {display(share)}";
            var (lines, full) = Wrap(display(table.At(r, 0)), 60, 2);
            for (var l = 0; l < lines.Count; l++)
            {
                shapes.Add(new ChartText(x, y + 13 + l * 15, lines[l], LabelSize, ChartAnchor.Start, Ink, Bold: true, FullText: full));
            }

            y += lines.Count * 15 + 4;
            shapes.Add(new ChartRect(x, y, barWidth, 18, Paper, Axis));
            if (share.HasNumber && share.Number > 0)
            {
                shapes.Add(new ChartRect(x, y, Math.Max(1.5, Math.Min(1, (double)share.Number!.Value / 100) * barWidth), 18, Palette[0]));
            }

            y += 18 + 15;
            shapes.Add(new ChartText(x, y - 2, figures, ValueSize, ChartAnchor.Start, Ink));
            y += 14;
        }

        return Drawing(table, y, shapes);
    }

    /// <summary>Achieved as a share of the objective, in %: none when either is missing or hidden, or the objective is 0.</summary>
    public static Cell ShareOfObjective(Cell achieved, Cell objective)
    {
        if (achieved.Suppressed)
        {
            return Cell.Percent(null, suppressed: true);
        }

        return achieved.HasNumber && objective.HasNumber && objective.Number != 0
            ? Cell.Percent(decimal.Round(achieved.Number!.Value / objective.Number!.Value * 100, 1, MidpointRounding.AwayFromZero))
            : Cell.Percent(null);
    }

    /// <summary>Splits a label into at most <paramref name="maxLines"/> lines; the full text when it had to be shortened.</summary>
    public static (List<string> Lines, string? Full) Wrap(string text, int charsPerLine, int maxLines)
    {
        var lines = new List<string>();
        var line = "";
        var shortened = false;
        foreach (var word in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var piece = word;
            while (piece.Length > charsPerLine)
            {
                Flush(ref line);
                lines.Add(piece[..charsPerLine]);
                piece = piece[charsPerLine..];
            }

            if (line.Length > 0 && line.Length + 1 + piece.Length > charsPerLine)
            {
                Flush(ref line);
            }

            line = line.Length == 0 ? piece : line + " " + piece;
        }

        Flush(ref line);
        if (lines.Count > maxLines)
        {
            lines = lines.Take(maxLines).ToList();
            shortened = true;
        }

        if (shortened)
        {
            var last = lines[^1];
            lines[^1] = (last.Length >= charsPerLine ? last[..(charsPerLine - 1)] : last).TrimEnd() + "…";
        }

        return (lines.Count == 0 ? [""] : lines, shortened ? text : null);

        void Flush(ref string current)
        {
            if (current.Length > 0)
            {
                lines.Add(current);
                current = "";
            }
        }
    }

    private static ChartShape Bar(double x, double y, double width, double height, int series) =>
        series % 2 == 0
            ? new ChartRect(x, y, width, height, Palette[series % Palette.Count])
            : new ChartRect(x + 1, y + 1, Math.Max(0.5, width - 2), Math.Max(0.5, height - 2), Paper, Palette[series % Palette.Count]); // a column under 2 points high stays a sliver

    /// <summary>A legend when there is more than one series; returns where the plot starts.</summary>
    private static double Legend(ReportTable table, IReadOnlyList<int> series, List<ChartShape> shapes, double top)
    {
        if (series.Count < 2)
        {
            return top;
        }

        var x = 8.0;
        var y = top;
        for (var s = 0; s < series.Count; s++)
        {
            var name = table.Columns[series[s]];
            var width = 18 + Math.Min(name.Length, 40) * 6.5 + 16;
            if (x + width > Width && x > 8)
            {
                x = 8;
                y += 18;
            }

            shapes.Add(Bar(x, y, 12, 12, s));
            var (lines, full) = Wrap(name, 40, 1);
            shapes.Add(new ChartText(x + 18, y + 11, lines[0], ValueSize, ChartAnchor.Start, Ink, FullText: full));
            x += width;
        }

        return y + 24;
    }

    private static double Maximum(ReportTable table, IReadOnlyList<int> series, bool percentFloor = true)
    {
        var values = table.Rows.SelectMany(row => series.Select(c => c < row.Count ? row[c] : Cell.Empty)).Where(c => c.HasNumber).Select(c => (double)c.Number!.Value).ToList();
        var maximum = values.Count == 0 ? 0 : values.Max();
        // Percentages are drawn against 100, so that bars of different charts compare.
        if (percentFloor && series.Count > 0 && series.All(c => table.ColumnKind(c) == CellKind.Percent))
        {
            maximum = Math.Max(maximum, 100);
        }

        return maximum <= 0 ? 1 : maximum;
    }

    /// <summary>1, 2, 2.5 or 5 times a power of ten, at least the maximum, so that four steps are round numbers.</summary>
    private static double NiceMaximum(double maximum)
    {
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(maximum / 4)));
        foreach (var factor in new[] { 1, 2, 2.5, 5, 10 })
        {
            var step = factor * magnitude;
            if (step * 4 >= maximum - 1e-9)
            {
                return step * 4;
            }
        }

        return maximum;
    }

    private static ChartDrawing Drawing(ReportTable table, double height, List<ChartShape> shapes) =>
        new(Width, Math.Ceiling(height), table.Title, table.Description, shapes);
}
