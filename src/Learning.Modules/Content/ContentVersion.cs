namespace Learning.Modules.Content;

/// <summary>An immutable state of an item's text: saving makes a new version, never an overwrite.</summary>
public sealed class ContentVersion
{
    public int Id { get; set; }

    public int ItemId { get; set; }

    /// <summary>1, 2, 3… within the item.</summary>
    public int Number { get; set; }

    public required string Title { get; set; }

    public required string Summary { get; set; }

    /// <summary>Markdown, rendered with raw HTML disabled.</summary>
    public required string Body { get; set; }

    /// <summary>The type's structured fields (organisations, themes…) as JSON.</summary>
    public required string Fields { get; set; }

    /// <summary>Who made it: a person's name, or "import".</summary>
    public required string Author { get; set; }

    /// <summary>Why it was made, such as "Imported from content/" or "Restored version 2".</summary>
    public string? Note { get; set; }

    public DateTime CreatedUtc { get; set; }
}
