namespace Learning.Modules.Community.Sharing;

/// <summary>A submission as its pages show it: its status and, once published, the readers' page of the practice (its culture,
/// and its path after the culture); <see cref="EditorPath"/> is the practice editor's page of its draft (after the culture).</summary>
public sealed record SubmissionView(PracticeSubmission Submission, SubmissionStatus Status, string? PublishedCulture, string? PublishedPath, string EditorPath);
