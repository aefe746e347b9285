namespace Learning.Modules.Reporting.Charts;

/// <summary>
/// What a chart is made of, in points on its own canvas: the SVG and the PDF draw the same shapes, so the
/// page and the funder's report show the same chart from the same table.
/// </summary>
public abstract record ChartShape;
