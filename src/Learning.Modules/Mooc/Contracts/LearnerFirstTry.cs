namespace Learning.Modules.Mooc.Contracts;

/// <summary>A learner tried an activity; <see cref="FailedAtFirstTry"/> when the first try was not all right (they tried
/// again, or have not completed it).</summary>
public sealed record LearnerFirstTry(string UserId, string ActivityId, bool FailedAtFirstTry);
