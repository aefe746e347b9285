namespace Learning.Modules.Feedback.Contracts;

/// <summary>A subject's ratings: their average (rounded to two decimals) and number.</summary>
public sealed record SubjectRating(string SetId, decimal Average, int Count);
