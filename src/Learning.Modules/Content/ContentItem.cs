namespace Learning.Modules.Content;

/// <summary>
/// One culture of a localized content item: a project sheet in Hungarian, say. The items of the six
/// cultures share a <see cref="SetId"/>. The text lives in immutable <see cref="ContentVersion"/>s;
/// the item points at the version readers see.
/// </summary>
public sealed class ContentItem
{
    public int Id { get; set; }

    /// <summary>The content type, such as "practice".</summary>
    public required string Type { get; set; }

    /// <summary>The localization set: a stable, language-neutral id shared by the item's translations
    /// (and by items of other types about the same thing, such as a practice and its tutorial).</summary>
    public required string SetId { get; set; }

    public required string Culture { get; set; }

    /// <summary>The item's address in its culture, unique per type and culture.</summary>
    public required string Slug { get; set; }

    public ContentStatus Status { get; set; }

    /// <summary>The version readers see; null until the item is first published.</summary>
    public int? PublishedVersionId { get; set; }

    public ContentVersion? PublishedVersion { get; set; }

    /// <summary>The newest version, the one editors work on.</summary>
    public int LatestVersionNumber { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime UpdatedUtc { get; set; }

    public DateTime? PublishedUtc { get; set; }

    /// <summary>For a translation: the number of the source culture's published version when this one
    /// was last published. A newer source version makes the translation outdated.</summary>
    public int? TranslatedFromVersion { get; set; }

    /// <summary>Readers see an item that has a published version and is not archived.</summary>
    public bool IsVisible => PublishedVersionId != null && Status != ContentStatus.Archived;

    public List<ContentVersion> Versions { get; set; } = [];
}

/// <summary>Where the item's newest version stands in the workflow.</summary>
public enum ContentStatus
{
    Draft,
    InReview,
    Published,
    Archived,
}
