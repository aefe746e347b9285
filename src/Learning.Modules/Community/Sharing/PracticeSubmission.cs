namespace Learning.Modules.Community.Sharing;

/// <summary>
/// A practice a learner shared: the draft practice it became in Content (which editors complete, translate and publish
/// like any other), who shared it, whether they agreed to be credited by name, and where the editors stand with it.
/// </summary>
public sealed class PracticeSubmission
{
    public int Id { get; set; }

    /// <summary>The learner who shared it; null once they erased their account (the practice stays the tenant's).</summary>
    public string? UserId { get; set; }

    /// <summary>The draft practice in Content (its first culture, the learner's).</summary>
    public int ContentItemId { get; set; }

    /// <summary>The practice's localization set: the published sheet in every culture credits the learner.</summary>
    public required string SetId { get; set; }

    public required string Culture { get; set; }

    /// <summary>The title as the learner wrote it (the editors may change the practice's).</summary>
    public required string Title { get; set; }

    /// <summary>What the editors did: submitted (not yet looked at), in review, declined. "Published" is read from the
    /// practice itself (<see cref="SubmissionStatuses.Of"/>), so that the usual workflow needs to know nothing of this.</summary>
    public SubmissionStatus Status { get; set; }

    /// <summary>The learner agreed that the published sheet shows their display name; they may withdraw it.</summary>
    public bool CreditByName { get; set; }

    public string? DeclineReason { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime UpdatedUtc { get; set; }

    public List<SubmissionMessage> Messages { get; set; } = [];
}
