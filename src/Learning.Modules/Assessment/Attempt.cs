namespace Learning.Modules.Assessment;

/// <summary>
/// One try at a test: the questions drawn for it (by name, in order), each question's shuffled choices,
/// and, once submitted, its grade. Answers are saved one by one as <see cref="AttemptAnswer"/>s, so a closed
/// tab or a restart loses nothing; submitting twice grades once.
/// </summary>
public sealed class Attempt
{
    public int Id { get; set; }

    public required string UserId { get; set; }

    public required string Bank { get; set; }

    /// <summary>1 for the first try of this person at this bank, 2 for the retake…</summary>
    public int Number { get; set; }

    /// <summary>The drawn questions' names, in the order shown, as JSON.</summary>
    public required string Questions { get; set; }

    /// <summary>For each drawn question, the order its choices (matching or ordering items) are shown in, as JSON.</summary>
    public required string ChoiceOrders { get; set; }

    public decimal PassPercent { get; set; }

    public DateTime StartedUtc { get; set; }

    public DateTime? SubmittedUtc { get; set; }

    /// <summary>The marks earned: each question's fraction of its mark, summed.</summary>
    public decimal? Score { get; set; }

    /// <summary>The marks the drawn questions were worth when graded; null for attempts graded before questions
    /// had marks, when each counted one.</summary>
    public decimal? MaxScore { get; set; }

    /// <summary>What <see cref="Score"/> is out of.</summary>
    public decimal MarksAvailable => MaxScore ?? Examiner.QuestionNames(Questions).Count;

    public bool? Passed { get; set; }

    public List<AttemptAnswer> Answers { get; set; } = [];
}
