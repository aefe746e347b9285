namespace Learning.Modules.Assessment.Contracts;

/// <summary>Settings of a test: how many questions are drawn from its bank, the pass mark, and the retakes
/// allowed (by default as many as the learner likes, at once).</summary>
public sealed class TestSettings
{
    public int QuestionCount { get; set; } = 10;

    public decimal PassPercent { get; set; } = 70;

    /// <summary>How many attempts a person may submit; null for no limit.</summary>
    public int? MaxAttempts { get; set; }

    /// <summary>How long a person waits after submitting an attempt before starting another.</summary>
    public int HoursBetweenAttempts { get; set; }
}
