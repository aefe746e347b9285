namespace Learning.Modules.Content;

/// <summary>How many times readers of a culture opened the page of a content item (a practice, a tutorial) on a UTC
/// day: counted in memory by <see cref="ReadCounter"/> and added here every minute.</summary>
public sealed class ContentRead
{
    public required string Type { get; set; }

    public required string SetId { get; set; }

    /// <summary>The reader's culture (the address's), which may differ from the item's when it is not translated.</summary>
    public required string Culture { get; set; }

    /// <summary>The UTC day, at midnight.</summary>
    public DateTime Day { get; set; }

    public long Count { get; set; }
}
