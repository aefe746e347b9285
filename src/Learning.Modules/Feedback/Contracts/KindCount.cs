namespace Learning.Modules.Feedback.Contracts;

/// <summary>Feedback received on one kind of subject ("practice", "tutorial", "mooc-part", "mooc-course") and how much of it was acted on.</summary>
public sealed record KindCount(string Kind, int Received, int ActedOn);
