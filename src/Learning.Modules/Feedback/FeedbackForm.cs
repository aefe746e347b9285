namespace Learning.Modules.Feedback;

/// <summary>What the feedback form of a subject shows: where it returns, and the values in its fields (the person's
/// own opinion, or what they just posted with its errors).</summary>
public sealed record FeedbackForm(string Kind, string SetId, string ReturnUrl, string? Rating, string? Comment, string? Useful, string? Improve, string? Recommend, bool Given)
{
    public static FeedbackForm For(string kind, string setId, string returnUrl, FeedbackItem? own) => new(kind, setId, returnUrl,
        own?.Rating?.ToString(System.Globalization.CultureInfo.InvariantCulture), own?.Comment, own?.Useful, own?.Improve, own?.Recommend?.ToString(), own is not null);

    public bool IsSurvey => FeedbackKinds.IsSurvey(Kind);
}
