namespace Learning.Modules.Reporting.Charts;

/// <summary>The charts the reports draw from a table, on the page (SVG) and in the funder's PDF.</summary>
public enum ChartKind
{
    /// <summary>Horizontal bars, one per row (and per value column): completion per part, most read practices.</summary>
    Bars,

    /// <summary>Columns over time, one group per period: registrations or active learners per week or month.</summary>
    OverTime,

    /// <summary>Touching columns, one per band: the score distribution in 10% bands.</summary>
    Histogram,

    /// <summary>Achieved against objective, one bar per row (label, achieved, objective): 14 of 20 structures = 70%.</summary>
    Progress,
}
