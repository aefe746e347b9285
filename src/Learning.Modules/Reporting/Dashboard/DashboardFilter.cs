namespace Learning.Modules.Reporting.Dashboard;

/// <summary>What the dashboard counts: a period of whole UTC days (both included) and who, by the learner's
/// language, country, structure type, structure and profession (null: everyone).</summary>
public sealed record DashboardFilter(
    DateTime FromDay,
    DateTime ToDay,
    string? Culture = null,
    string? Country = null,
    string? StructureType = null,
    int? StructureId = null,
    string? Profession = null)
{
    /// <summary>The first instant after the period.</summary>
    public DateTime EndUtc => ToDay.Date.AddDays(1);

    public DateTime StartUtc => FromDay.Date;

    public bool FiltersPeople => Culture is not null || Country is not null || StructureType is not null || StructureId is not null || Profession is not null;

    /// <summary>Weeks for a period of up to three months, months beyond.</summary>
    public bool ByWeek => (EndUtc - StartUtc).TotalDays <= 92;
}
