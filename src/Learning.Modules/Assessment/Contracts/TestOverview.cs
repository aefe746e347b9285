namespace Learning.Modules.Assessment.Contracts;

/// <summary>A test as one person sees it before starting: its rules, whether it has questions yet, their
/// attempts (newest first) and whether a new one may start.</summary>
public sealed record TestOverview(TestSettings Rules, bool HasQuestions, IReadOnlyList<AttemptSummary> Attempts, TestAvailability Availability)
{
    public AttemptSummary? InProgress => Attempts.FirstOrDefault(a => !a.Submitted);
}
