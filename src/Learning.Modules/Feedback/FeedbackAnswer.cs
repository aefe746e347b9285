namespace Learning.Modules.Feedback;

/// <summary>What a person gives of a subject, checked: a rating from 1 to 5 (optional for the survey), texts trimmed and
/// null when blank.</summary>
public sealed record FeedbackAnswer(string Kind, string SetId, string Culture, int? Rating, string? Comment, string? Useful = null, string? Improve = null, Recommendation? Recommend = null);
