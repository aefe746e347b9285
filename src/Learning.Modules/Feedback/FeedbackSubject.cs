namespace Learning.Modules.Feedback;

/// <summary>A subject of feedback as readers of a culture see it: its title and its readers' page after the culture.</summary>
public sealed record FeedbackSubject(string Kind, string SetId, string Title, string Path);
