namespace Learning.Modules.Reporting.Charts;

/// <summary>
/// What a chart is made of, in points on its own canvas: the SVG and the PDF draw the same shapes, so the
/// page and the funder's report show the same chart from the same table.
/// </summary>
public abstract record ChartShape;

public sealed record ChartRect(double X, double Y, double Width, double Height, string Fill, string? Stroke = null) : ChartShape;

public sealed record ChartLine(double X1, double Y1, double X2, double Y2, string Stroke, double Thickness = 1) : ChartShape;

/// <summary>A line of text at its baseline; <paramref name="FullText"/> is the whole label when this one is shortened.</summary>
public sealed record ChartText(double X, double Y, string Text, double Size, ChartAnchor Anchor, string Fill, bool Bold = false, string? FullText = null) : ChartShape;

public enum ChartAnchor
{
    Start,
    Middle,
    End,
}

/// <summary>A chart ready to draw: its canvas, its accessible title and description, its shapes.</summary>
public sealed record ChartDrawing(double Width, double Height, string Title, string Description, IReadOnlyList<ChartShape> Shapes);
