namespace Learning.Modules.Reporting.Charts;

public sealed record ChartRect(double X, double Y, double Width, double Height, string Fill, string? Stroke = null) : ChartShape;
