namespace Learning.Modules.Reporting.Charts;

/// <summary>A line of text at its baseline; <paramref name="FullText"/> is the whole label when this one is shortened.</summary>
public sealed record ChartText(double X, double Y, string Text, double Size, ChartAnchor Anchor, string Fill, bool Bold = false, string? FullText = null) : ChartShape;
