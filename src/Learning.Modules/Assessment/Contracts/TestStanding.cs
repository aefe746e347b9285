namespace Learning.Modules.Assessment.Contracts;

/// <summary>Where a person stands in a test: passed or not, after how many submitted attempts.</summary>
public sealed record TestStanding(bool Passed, int Attempts);
