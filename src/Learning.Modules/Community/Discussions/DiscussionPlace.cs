namespace Learning.Modules.Community.Discussions;

/// <summary>A place of threads as readers of a culture see it: its title (null for the general place) and its readers'
/// page after the culture.</summary>
public sealed record DiscussionPlace(string Kind, string Id, string? Title, string Path);
