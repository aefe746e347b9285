namespace Learning.Modules.Assessment.Contracts;

/// <summary>One attempt in a list: its number and, once submitted, its result (the score in %).</summary>
public sealed record AttemptSummary(int Id, int Number, bool Submitted, bool Passed, decimal? Percent);
