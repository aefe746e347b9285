namespace Learning.Modules.Feedback;

/// <summary>
/// One person's opinion of one subject (a practice, a tutorial, a part of the course, or the course's end-of-course
/// survey), as they last gave it, and where the editors stand with it: one per person and subject.
/// </summary>
public sealed class FeedbackItem
{
    public int Id { get; set; }

    public string UserId { get; set; } = "";

    /// <summary>"practice", "tutorial", "mooc-part" or "mooc-course" (<see cref="FeedbackKinds"/>).</summary>
    public string Kind { get; set; } = "";

    /// <summary>The subject's localization set ("mooc" for the course's survey).</summary>
    public string SetId { get; set; } = "";

    /// <summary>The culture the person read the subject in when they last gave their opinion.</summary>
    public string Culture { get; set; } = "";

    /// <summary>1 to 5; null only for a survey answered without an overall rating.</summary>
    public int? Rating { get; set; }

    public string? Comment { get; set; }

    /// <summary>The survey's "what was useful".</summary>
    public string? Useful { get; set; }

    /// <summary>The survey's "what to improve".</summary>
    public string? Improve { get; set; }

    /// <summary>The survey's "would you recommend the course".</summary>
    public Recommendation? Recommend { get; set; }

    public FeedbackStatus Status { get; set; }

    /// <summary>The editors' answer, which the person sees.</summary>
    public string? Reply { get; set; }

    /// <summary>The user id of the editor who last replied or set the status.</summary>
    public string? RepliedBy { get; set; }

    public DateTime? RepliedUtc { get; set; }

    public DateTime CreatedUtc { get; set; }

    /// <summary>When the person last changed their opinion.</summary>
    public DateTime UpdatedUtc { get; set; }

    /// <summary>When the status last changed (by an editor, or back to new by a changed comment).</summary>
    public DateTime? StatusChangedUtc { get; set; }
}
