using Learning.Modules.Content.ContentAsides;

namespace Learning.Modules.Feedback;

/// <summary>What the aside draws: the average when there are enough ratings, and for a signed-in person their own
/// opinion (<paramref name="Own"/>) and the form (<paramref name="Form"/>, null for a visitor).</summary>
public sealed record FeedbackAsideView(ContentSubject Subject, SubjectAverage? Average, FeedbackItem? Own, FeedbackForm? Form, string SignInUrl);
