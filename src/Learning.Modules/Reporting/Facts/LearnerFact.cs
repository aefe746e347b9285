namespace Learning.Modules.Reporting.Facts;

/// <summary>
/// A learner as the dashboard counts and filters them, copied from the features by <see cref="FactsRefresh"/>:
/// no name, no e-mail, only what a figure needs.
/// </summary>
public sealed class LearnerFact
{
    public string UserId { get; set; } = "";

    public DateTime RegisteredUtc { get; set; }

    /// <summary>The learner's language.</summary>
    public string Culture { get; set; } = "";

    public int? StructureId { get; set; }

    /// <summary>The country in the learner's profile (the dashboard takes the structure's, when there is one, from the
    /// directory, so that an edited structure counts at once).</summary>
    public string? Country { get; set; }

    public string? Profession { get; set; }

    public DateTime? EnrolledUtc { get; set; }

    /// <summary>The last day anything of theirs was seen: registration, enrolment, an activity, a test.</summary>
    public DateTime LastActiveUtc { get; set; }

    public bool CourseCompleted { get; set; }

    /// <summary>When their certificate was issued; null without one, or once it is revoked.</summary>
    public DateTime? CertifiedUtc { get; set; }

    /// <summary>The activities they tried, a bit each (<see cref="ActivityNumber"/>); null before any.</summary>
    public byte[]? TriedActivities { get; set; }

    /// <summary>The activities whose first try was not all right, a bit each.</summary>
    public byte[]? FailedActivities { get; set; }
}
