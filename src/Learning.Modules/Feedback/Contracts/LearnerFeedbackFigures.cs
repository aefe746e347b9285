namespace Learning.Modules.Feedback.Contracts;

/// <summary>What a learner gave: items (survey included), how many were acted on, and whether they answered the survey.</summary>
public sealed record LearnerFeedbackFigures(string UserId, int Items, int Rated, int ActedOn, bool AnsweredSurvey, DateTime LastUpdatedUtc);
