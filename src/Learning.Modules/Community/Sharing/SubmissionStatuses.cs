using Learning.Modules.Content;

namespace Learning.Modules.Community.Sharing;

/// <summary>A submission's status as shown: the editors' decision, and the practice's own workflow.</summary>
public static class SubmissionStatuses
{
    /// <summary>Published as soon as readers see the practice (an editor may publish a declined one after all); declined when an
    /// editor said so; in review once an editor wrote to the learner, submitted the draft for review or saved a version of it.</summary>
    public static SubmissionStatus Of(PracticeSubmission submission, ContentItem? practice) =>
        practice is { IsVisible: true } ? SubmissionStatus.Published
        : submission.Status == SubmissionStatus.Declined ? SubmissionStatus.Declined
        : submission.Status == SubmissionStatus.InReview || practice is { Status: ContentStatus.InReview } || practice is { LatestVersionNumber: > 1 }
            ? SubmissionStatus.InReview
            : SubmissionStatus.Submitted;

    /// <summary>The status's text, a key of <see cref="CommunityStrings"/>.</summary>
    public static string Text(SubmissionStatus status) => status switch
    {
        SubmissionStatus.Submitted => "Submitted: not yet read by the editors",
        SubmissionStatus.InReview => "In review by the editors",
        SubmissionStatus.Published => "Published in the toolbox",
        _ => "Declined",
    };
}
