namespace Learning.Modules.Feedback;

/// <summary>Where the editors stand with an item. Acted on means accepted or done; rejected is answered but not acted on.</summary>
public enum FeedbackStatus
{
    New,
    Accepted,
    Done,
    Rejected,
}
