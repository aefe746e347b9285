using Learning.Modules.Core;
using Learning.Modules.Data;
using Microsoft.EntityFrameworkCore;

namespace Learning.Modules.Content;

/// <summary>
/// Finds what readers may see, in their culture. An item not yet translated into a culture is shown in
/// the default culture (French) at its French address, with a notice; an item whose translation was
/// archived on purpose is not.
/// </summary>
public sealed class ContentReader(LearningDbContext db)
{
    public async Task<ReaderItem?> FindAsync(string type, string slug, string culture, CancellationToken cancellationToken)
    {
        var candidates = await db.ContentItems.AsNoTracking().VisibleToReaders()
            .Include(i => i.PublishedVersion)
            .Where(i => i.Type == type && i.Slug == slug && (i.Culture == culture || i.Culture == Cultures.Default))
            .ToListAsync(cancellationToken);
        var item = candidates.FirstOrDefault(i => i.Culture == culture) ?? candidates.FirstOrDefault();
        if (item?.PublishedVersion is null)
        {
            return null;
        }

        var translations = await db.ContentItems.AsNoTracking()
            .Where(i => i.Type == type && i.SetId == item.SetId)
            .Select(i => new { i.Culture, i.Slug, Visible = i.PublishedVersionId != null && i.Status != ContentStatus.Archived, i.Status })
            .ToListAsync(cancellationToken);
        if (item.Culture != culture && translations.Any(t => t.Culture == culture && (t.Visible || t.Status == ContentStatus.Archived)))
        {
            return null; // the French address in a culture that has its own translation, or withdrew it
        }

        var visible = translations.Where(t => t.Visible).ToDictionary(t => t.Culture, t => t.Slug);
        var fallback = visible.GetValueOrDefault(Cultures.Default) ?? item.Slug;
        var addresses = Cultures.All.ToDictionary(c => c, c => visible.GetValueOrDefault(c) ?? fallback);
        return new ReaderItem(item, item.PublishedVersion, addresses, visible.Keys.ToList());
    }

    /// <summary>The item of a type in a set that readers of a culture see (for links between a practice
    /// and its tutorial): its slug and title, or null.</summary>
    public async Task<(string Slug, string Title)?> FindInSetAsync(string type, string setId, string culture, CancellationToken cancellationToken) =>
        (await FindInSetsAsync(type, [setId], culture, cancellationToken)).TryGetValue(setId, out var found) ? found : null;

    /// <summary>The same for several sets in one query: slug and title by set id, for the sets readers see.</summary>
    public async Task<IReadOnlyDictionary<string, (string Slug, string Title)>> FindInSetsAsync(string type, IReadOnlyCollection<string> setIds, string culture, CancellationToken cancellationToken)
    {
        var items = await db.ContentItems.AsNoTracking().VisibleToReaders()
            .Where(i => i.Type == type && setIds.Contains(i.SetId) && (i.Culture == culture || i.Culture == Cultures.Default))
            .Select(i => new { i.SetId, i.Culture, i.Slug, i.PublishedVersion!.Title })
            .ToListAsync(cancellationToken);
        return items.GroupBy(i => i.SetId)
            .Select(set => set.FirstOrDefault(i => i.Culture == culture) ?? set.First())
            .ToDictionary(i => i.SetId, i => (i.Slug, i.Title));
    }
}

/// <summary>An item as readers see it, with the address of the same item in each culture.</summary>
public sealed record ReaderItem(ContentItem Item, ContentVersion Version, IReadOnlyDictionary<string, string> SlugByCulture, IReadOnlyList<string> Translations);
