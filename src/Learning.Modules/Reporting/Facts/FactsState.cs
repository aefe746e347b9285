namespace Learning.Modules.Reporting.Facts;

/// <summary>How far the facts are up to date: the next refresh reads what changed after <see cref="WatermarkUtc"/>.</summary>
public sealed class FactsState
{
    public int Id { get; set; }

    public DateTime WatermarkUtc { get; set; }

    public DateTime RefreshedUtc { get; set; }
}
