using Learning.Modules.Reporting.Tables;

namespace Learning.Modules.Reporting.FunderReport;

/// <summary>
/// One objective: "20 structures", achieved 14 → 70.0 % of objective. <paramref name="Unit"/> is shown
/// after the numbers ("%" makes them percentages). When <paramref name="AboutPeople"/>, an achievement of 1 to 4
/// shows "&lt; 5", and so does its percentage, which would give it away.
/// </summary>
public sealed record ObjectiveRow(string Label, decimal? Objective, decimal? Achieved, string Unit, bool AboutPeople = false)
{
    private bool Hidden => AboutPeople && Achieved >= 1 && Achieved < ItemAnalysis.FewestLearners;

    /// <summary>Achieved as a percentage of the objective, one decimal; none without an objective above 0.</summary>
    public decimal? PercentOfObjective => Hidden || Achieved is null || Objective is null or 0
        ? null
        : decimal.Round(Achieved.Value / Objective.Value * 100, 1, MidpointRounding.AwayFromZero);

    /// <summary>"Structures reached (structures)": the unit beside the label, since the cells hold bare numbers.</summary>
    public string LabelWithUnit => string.IsNullOrWhiteSpace(Unit) || Unit == "%" ? Label : $"{Label} ({Unit})";

    public Cell ObjectiveCell => Number(Objective, hidden: false);

    public Cell AchievedCell => Number(Achieved, Hidden);

    public Cell PercentOfObjectiveCell => Cell.Percent(PercentOfObjective, Hidden);

    private Cell Number(decimal? value, bool hidden) => Unit == "%"
        ? Cell.Percent(value, hidden)
        : hidden ? new Cell(CellKind.Count, null, null, true)
        : value is { } v && v == decimal.Truncate(v) ? Cell.Count((long)v) : Cell.Decimal(value);
}
