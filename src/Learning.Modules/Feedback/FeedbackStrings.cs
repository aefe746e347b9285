namespace Learning.Modules.Feedback;

/// <summary>Marker of the Feedback module's UI strings (FeedbackStrings.resx and its five translations).</summary>
public sealed class FeedbackStrings;
