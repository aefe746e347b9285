namespace Learning.Modules.Assessment.Contracts;

/// <summary>An attempt just graded: whose, at which test (bank), and whether it passed.</summary>
public sealed record TestSubmitted(string UserId, string Bank, int AttemptId, bool Passed);
