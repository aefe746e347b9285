namespace Learning.Modules.Reporting.Charts;

/// <summary>A chart ready to draw: its canvas, its accessible title and description, its shapes.</summary>
public sealed record ChartDrawing(double Width, double Height, string Title, string Description, IReadOnlyList<ChartShape> Shapes);
