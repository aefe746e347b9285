namespace Learning.Modules.Feedback;

/// <summary>A subject's ratings: their number and their average, rounded to one decimal.</summary>
public sealed record SubjectAverage(decimal Average, int Count);
