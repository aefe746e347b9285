namespace Learning.Modules.Content;

/// <summary>An item's reads over a period: its set, its title (in the culture asked, else French) and how many times
/// readers opened its page.</summary>
public sealed record ReadCount(string SetId, string Title, long Reads);
