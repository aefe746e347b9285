namespace Learning.Modules.Mooc.Contracts;

/// <summary>
/// A part of the course for reports: its id in the course's addresses ("part-1", "self-assessment"), its number
/// (1 to 4; 0 for the final self-assessment), its title in a culture, and the question bank of its validation
/// test (null for the self-assessment).
/// </summary>
public sealed record CoursePartInfo(string Slug, int Number, string Title, string? TestBank);
