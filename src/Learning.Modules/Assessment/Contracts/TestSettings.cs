namespace Learning.Modules.Assessment.Contracts;

/// <summary>Settings of a test: how many questions are drawn from its bank, the pass mark, the retakes allowed
/// (by default as many as the learner likes, a day apart) and what the review shows (by default the right answers
/// only once passed), so that retaking never becomes a way to collect the answers.</summary>
public sealed class TestSettings
{
    public int QuestionCount { get; set; } = 10;

    public decimal PassPercent { get; set; } = 70;

    /// <summary>How many attempts a person may submit; null for no limit.</summary>
    public int? MaxAttempts { get; set; }

    /// <summary>How long a person waits after submitting an attempt before starting another: a day by default,
    /// time to go back to the part rather than guess again at once, short enough for a professional to retake
    /// it on the next working day.</summary>
    public int HoursBetweenAttempts { get; set; } = 24;

    /// <summary>When the review of an attempt shows the right answers.</summary>
    public RightAnswers ShowRightAnswers { get; set; } = RightAnswers.OncePassed;
}
