namespace Learning.Modules.Reporting;

/// <summary>The tenant's objectives and the dashboard's settings (<c>Learning:Reporting</c>).</summary>
public sealed class ReportingOptions
{
    /// <summary>The source project promised use by at least 20 insertion structures.</summary>
    public int StructuresObjective { get; set; } = 20;

    /// <summary>… and 80% of the testers' feedback acted on.</summary>
    public int FeedbackActedOnObjectivePercent { get; set; } = 80;

    /// <summary>An enrolled learner who has not finished is at risk after this many days without activity.</summary>
    public int AtRiskAfterDays { get; set; } = 30;

    /// <summary>How often the facts are brought up to date.</summary>
    public int RefreshIntervalMinutes { get; set; } = 5;
}
