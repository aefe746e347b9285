namespace Learning.Modules.Mooc.Contracts;

/// <summary>A formative activity of the course for reports: its part's id ("part-1"), its id ("p1-a05"), its title in a
/// culture.</summary>
public sealed record CourseActivityInfo(string Part, string ActivityId, string Title);
