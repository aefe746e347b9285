namespace Learning.Modules.Reporting.Facts;

/// <summary>A part of the course a learner has completed (every activity done and its test passed).</summary>
public sealed class PartCompletionFact
{
    public string UserId { get; set; } = "";

    public string Part { get; set; } = "";
}
