namespace Learning.Modules.Feedback.Contracts;

/// <summary>The feedback received in a period, by status as it is now. Acted on means accepted or done (the funders'
/// objective is 80% of what was received); rejected is answered but not acted on; new is not yet triaged.</summary>
public sealed record FeedbackSummary(int Received, int New, int Accepted, int Done, int Rejected, IReadOnlyList<KindCount> ByKind)
{
    public int ActedOn => Accepted + Done;
}
