namespace Learning.Modules.Content;

public static class ContentQueries
{
    /// <summary>What readers may see: items with a published version that are not archived. (An item
    /// whose newer draft is being edited stays visible in its published version.)</summary>
    public static IQueryable<ContentItem> VisibleToReaders(this IQueryable<ContentItem> items) =>
        items.Where(i => i.PublishedVersionId != null && i.Status != ContentStatus.Archived);
}
