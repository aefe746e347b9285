namespace Learning.Modules.Feedback.Contracts;

/// <summary>The end-of-course surveys answered in a period and what they said of recommending the course (a survey may
/// leave that question unanswered).</summary>
public sealed record SurveySummary(int Answers, int WouldRecommend, int WouldNot, int NotSure);
