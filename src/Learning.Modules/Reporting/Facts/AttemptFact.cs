namespace Learning.Modules.Reporting.Facts;

/// <summary>A submitted validation-test attempt, as its score and result.</summary>
public sealed class AttemptFact
{
    public int AttemptId { get; set; }

    public string UserId { get; set; } = "";

    public string Bank { get; set; } = "";

    /// <summary>1 for the learner's first attempt at the bank.</summary>
    public int Number { get; set; }

    public DateTime SubmittedUtc { get; set; }

    /// <summary>Marks earned over marks available, in % (a double so that databases can average it).</summary>
    public double Percent { get; set; }

    public bool Passed { get; set; }

    /// <summary>Its drawn questions, what each earned and the choices ticked (<see cref="DrawnAnswers"/>): the item
    /// analysis reads them here rather than every answer in Assessment's tables.</summary>
    public string? Drawn { get; set; }
}
