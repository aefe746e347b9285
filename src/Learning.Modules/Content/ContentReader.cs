using Learning.Modules.Core;
using Learning.Modules.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Learning.Modules.Content;

/// <summary>
/// Finds what readers may see, in their culture. An item not yet translated into a culture is shown in
/// the default culture (French) at its French address, with a notice; an item whose translation was
/// archived on purpose is not.
/// </summary>
public sealed class ContentReader(LearningDbContext db, IEnumerable<IContentType> types)
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

    /// <summary>The other items of an item's set that readers of a culture see and that their type lets readers'
    /// pages link to (<see cref="IContentType.CompanionLinkText"/>): a practice's tutorial, a tutorial's practice.</summary>
    public async Task<IReadOnlyList<ReaderLink>> CompanionsAsync(ContentItem item, string culture, CancellationToken cancellationToken) =>
        (await LinksAsync(db.ContentItems.Where(i => i.SetId == item.SetId && i.Type != item.Type), culture, cancellationToken))
            .Where(l => l.Type.CompanionLinkText is not null).ToList();

    /// <summary>The item of a type in a set that readers of a culture see, or null.</summary>
    public async Task<ReaderLink?> FindInSetAsync(string type, string setId, string culture, CancellationToken cancellationToken) =>
        (await FindInSetsAsync(type, [setId], culture, cancellationToken)).GetValueOrDefault(setId);

    /// <summary>The same for several sets in one query, by set id, for the sets readers see.</summary>
    public async Task<IReadOnlyDictionary<string, ReaderLink>> FindInSetsAsync(string type, IReadOnlyCollection<string> setIds, string culture, CancellationToken cancellationToken) =>
        (await LinksAsync(db.ContentItems.Where(i => i.Type == type && setIds.Contains(i.SetId)), culture, cancellationToken)).ToDictionary(l => l.SetId);

    /// <summary>The items readers of a culture see among these, one per type and set (French when not yet
    /// translated), in the order the types are registered; a type whose module is not listed is left out.</summary>
    private async Task<List<ReaderLink>> LinksAsync(IQueryable<ContentItem> items, string culture, CancellationToken cancellationToken)
    {
        var found = await items.AsNoTracking().VisibleToReaders()
            .Where(i => i.Culture == culture || i.Culture == Cultures.Default)
            .Select(i => new { i.Type, i.SetId, i.Culture, i.Slug, i.PublishedVersion!.Title })
            .ToListAsync(cancellationToken);
        return types.SelectMany(type => found.Where(i => i.Type == type.Name).GroupBy(i => i.SetId)
                .Select(set => set.FirstOrDefault(i => i.Culture == culture) ?? set.First())
                .Select(i => new ReaderLink(type, i.SetId, i.Slug, i.Title)))
            .ToList();
    }
}

/// <summary>An item as readers see it, with the address of the same item in each culture.</summary>
public sealed record ReaderItem(ContentItem Item, ContentVersion Version, IReadOnlyDictionary<string, string> SlugByCulture, IReadOnlyList<string> Translations);

/// <summary>An item readers see, as another page links to it: its type, set, slug in the reader's culture (or
/// French) and title.</summary>
public sealed record ReaderLink(IContentType Type, string SetId, string Slug, string Title)
{
    /// <summary>Its readers' page, after the culture.</summary>
    public string Path => Type.ReaderPath(SetId, Slug);

    /// <summary>The text of a link to it from another item of its set, in its module's words.</summary>
    public string CompanionLinkText(IStringLocalizerFactory localizers) =>
        Type.CompanionLinkText is { } text ? localizers.Create(Type.Strings)[text, Title] : Title;
}
