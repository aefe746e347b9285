namespace Learning.Modules.Feedback;

/// <summary>Settings under <c>Learning:Feedback</c>.</summary>
public sealed class FeedbackOptions
{
    /// <summary>A subject's average rating shows from this many ratings on: fewer say little, and could tell who gave them.</summary>
    public int RatingsShownFrom { get; set; } = 5;
}
