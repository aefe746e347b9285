namespace Learning.Modules.Reporting.Tables;

/// <summary>What a cell of a report table holds, which decides how it is shown and exported.</summary>
public enum CellKind
{
    Text,
    Count,
    People,
    Percent,
    Decimal,
}
