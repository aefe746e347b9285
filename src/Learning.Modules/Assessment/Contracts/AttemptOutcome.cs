namespace Learning.Modules.Assessment.Contracts;

/// <summary>
/// A submitted attempt at a test, for reports. <see cref="Earned"/> is the marks earned (<c>Attempt.Score</c> holds
/// marks, each question's fraction of its mark summed, not a percentage) out of <see cref="Available"/>, the marks of
/// the drawn questions (one a question for attempts graded before questions had marks); the percentage is
/// Earned × 100 / Available. <see cref="Learner"/> is an opaque user id.
/// </summary>
public sealed record AttemptOutcome(int Id, string Learner, string Bank, int Number, DateTime StartedUtc, DateTime SubmittedUtc, decimal Earned, decimal Available, bool Passed);
