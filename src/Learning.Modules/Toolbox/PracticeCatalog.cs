using Learning.Modules.Content;
using Learning.Modules.Core;
using Learning.Modules.Data;
using Microsoft.EntityFrameworkCore;

namespace Learning.Modules.Toolbox;

/// <summary>The published practices of a culture, searched and filtered by facets, with the count of
/// each facet value among the results (as if that value were ticked), all from two or three queries.</summary>
public sealed class PracticeCatalog(LearningDbContext db, SearchIndex search)
{
    public async Task<CatalogPage> FindAsync(string culture, string? query, IReadOnlyDictionary<string, IReadOnlyList<string>> selected, CancellationToken cancellationToken)
    {
        var published = await db.ContentItems.AsNoTracking().VisibleToReaders()
            .Where(i => i.Type == PracticeType.TypeName)
            .Select(i => new Row(i.Id, i.SetId, i.Culture, i.Slug, i.PublishedVersion!.Title, i.PublishedVersion.Summary, i.PublishedVersion.Fields))
            .ToListAsync(cancellationToken);

        // One card per set: the reader's culture, else the default culture, marked as not translated
        // (unless the reader's culture was archived on purpose).
        var archived = await db.ContentItems.AsNoTracking()
            .Where(i => i.Type == PracticeType.TypeName && i.Culture == culture && i.Status == ContentStatus.Archived)
            .Select(i => i.SetId).ToListAsync(cancellationToken);
        var languages = published.GroupBy(p => p.SetId).ToDictionary(g => g.Key, g => g.Select(p => p.Culture).OrderBy(c => Cultures.All.ToList().IndexOf(c)).ToList());
        var cards = published
            .Where(p => !archived.Contains(p.SetId))
            .GroupBy(p => p.SetId)
            .Select(g => g.FirstOrDefault(p => p.Culture == culture) ?? g.FirstOrDefault(p => p.Culture == Cultures.Default))
            .OfType<Row>()
            .Select(p => new PracticeCard(p.Id, p.SetId, p.Culture, p.Slug, p.Title, p.Summary, ContentFields.Parse(p.Fields), languages[p.SetId], p.Culture != culture))
            .ToList();

        var terms = TextFolding.Terms(query);
        if (terms.Count > 0)
        {
            var found = (await search.SearchAsync(culture, terms, cancellationToken)).ToHashSet();
            if (culture != Cultures.Default)
            {
                found.UnionWith(await search.SearchAsync(Cultures.Default, terms, cancellationToken));
            }

            cards = cards.Where(c => found.Contains(c.ItemId)).ToList();
        }

        var facets = new List<FacetCounts>();
        foreach (var (parameter, key, title, labels) in AllFacets)
        {
            // A value's count: the results with every other facet's filter, and this value.
            var others = cards.Where(c => Matches(c, selected, except: parameter)).ToList();
            var counts = labels.Keys.ToDictionary(v => v, v => others.Count(c => Values(c, parameter, key).Contains(v)));
            facets.Add(new FacetCounts(parameter, title, labels, counts, selected.GetValueOrDefault(parameter, [])));
        }

        var results = cards.Where(c => Matches(c, selected, except: null)).OrderBy(c => c.Title, StringComparer.Create(new System.Globalization.CultureInfo(culture), true)).ToList();
        return new CatalogPage(results, facets);
    }

    private sealed record Row(int Id, string SetId, string Culture, string Slug, string Title, string Summary, string Fields);

    private static IEnumerable<(string Parameter, string Key, string Title, IReadOnlyDictionary<string, string> Labels)> AllFacets =>
        PracticeVocabulary.Facets.Append(("lang", "languages", "Languages available", Cultures.All.ToDictionary(c => c, Cultures.NativeName)));

    private static bool Matches(PracticeCard card, IReadOnlyDictionary<string, IReadOnlyList<string>> selected, string? except) =>
        AllFacets.Where(f => f.Parameter != except).All(f =>
            selected.GetValueOrDefault(f.Parameter, []) is not { Count: > 0 } wanted || Values(card, f.Parameter, f.Key).Intersect(wanted).Any());

    private static IReadOnlyList<string> Values(PracticeCard card, string parameter, string key) => parameter switch
    {
        "lang" => card.Languages,
        "country" => card.Fields.Text("country") is { } country ? [country] : [],
        _ => card.Fields.List(key),
    };
}

public sealed record PracticeCard(int ItemId, string SetId, string Culture, string Slug, string Title, string Summary, ContentFields Fields, IReadOnlyList<string> Languages, bool NotTranslated);

public sealed record FacetCounts(string Parameter, string Title, IReadOnlyDictionary<string, string> Labels, IReadOnlyDictionary<string, int> Counts, IReadOnlyList<string> Selected);

public sealed record CatalogPage(IReadOnlyList<PracticeCard> Practices, IReadOnlyList<FacetCounts> Facets);
