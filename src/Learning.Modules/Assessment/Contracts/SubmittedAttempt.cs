namespace Learning.Modules.Assessment.Contracts;

/// <summary>A submitted attempt: whose (an opaque id), which try (1 = first) and its drawn questions in order.</summary>
public sealed record SubmittedAttempt(int Id, string Learner, int Number, IReadOnlyList<DrawnQuestion> Questions);
