namespace Learning.Modules.Community.Sharing;

/// <summary>Where a shared practice stands, as its learner and the editors see it.</summary>
public enum SubmissionStatus
{
    Submitted,
    InReview,
    Published,
    Declined,
}
