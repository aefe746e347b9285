namespace Learning.Modules.Assessment.Contracts;

/// <summary>A bank's cultures, its graded questions in name order, and the submitted attempts at it (<see cref="TestResults"/>).</summary>
public sealed record BankResults(string Bank, IReadOnlyList<string> Cultures, IReadOnlyList<ResultQuestion> Questions, IReadOnlyList<SubmittedAttempt> Attempts);
