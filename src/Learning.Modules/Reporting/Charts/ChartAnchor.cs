namespace Learning.Modules.Reporting.Charts;

/// <summary>Where a text stands against its x: like SVG's text-anchor.</summary>
public enum ChartAnchor
{
    Start,
    Middle,
    End,
}
