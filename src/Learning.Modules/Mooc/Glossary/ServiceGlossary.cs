using System.Text.RegularExpressions;
using Learning.Modules.Content;
using Learning.Modules.Core;
using Learning.Modules.Core.Tenancy;
using Learning.Modules.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Learning.Modules.Mooc.Glossary;

/// <summary>The glossary as readers of a culture see it (French when not yet translated): its title, introduction and
/// entries in the order of the file.</summary>
public sealed partial record GlossaryView(string Culture, string Title, string Summary, string Body, IReadOnlyList<GlossaryEntry> Entries)
{
    /// <summary>The entries that hold every word of the query (in their name, full name, other names or what they do),
    /// compared as the site's search compares them: without case or accents, each word as the start of a word.</summary>
    public IReadOnlyList<GlossaryEntry> Matching(string? query)
    {
        var terms = TextFolding.Terms(query);
        if (terms.Count == 0)
        {
            return Entries;
        }

        return Entries.Where(e =>
        {
            // Words as a query writes them ("d'aide" is "daide") and their parts ("aide").
            var folded = TextFolding.Fold(string.Join(' ', e.Names.Append(e.Does)));
            var words = folded.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => new string(w.Where(char.IsLetterOrDigit).ToArray())).Concat(NonWord().Split(folded)).ToList();
            return terms.All(t => words.Any(w => w.StartsWith(t, StringComparison.Ordinal)));
        }).ToList();
    }

    /// <summary>The entries a text names, in the glossary's order: a name, full name or other name as a whole word
    /// ("ONE" is not found in "CPASONE", nor "CPAS" in "CPASS"). A name of one word is looked for as written ("ONE"
    /// is not "one", "Banks" not "banks"), a name of several words in any case ("a maison de quartier").</summary>
    public IReadOnlyList<GlossaryEntry> NamedIn(IEnumerable<string> texts)
    {
        var text = string.Join('\n', texts);
        return namePatterns.Value.Where(e => e.Patterns.Any(p => p.IsMatch(text))).Select(e => e.Entry).ToList();
    }

    // Built once per view (views are kept in memory): a hundred patterns made anew for every page would leave the
    // Regex cache (15 patterns) recompiling them on each request.
    private readonly Lazy<IReadOnlyList<(GlossaryEntry Entry, Regex[] Patterns)>> namePatterns = new(() => Entries
        .Select(e => (e, e.Names.Where(n => n.Length > 0).Select(name => new Regex(
            $@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(name)}(?![\p{{L}}\p{{N}}])",
            (name.Contains(' ') ? RegexOptions.IgnoreCase : RegexOptions.None) | RegexOptions.CultureInvariant,
            TimeSpan.FromSeconds(1))).ToArray()))
        .ToList());

    public GlossaryEntry? Find(string? id) => id is null ? null : Entries.FirstOrDefault(e => e.Id == id);

    [GeneratedRegex(@"[^\p{L}\p{N}]+")]
    private static partial Regex NonWord();
}

/// <summary>
/// Reads the glossary of services (<see cref="GlossaryType"/>). Part pages, activities and the practices' aside need it,
/// so it stays in memory until the tenant's content changes (<see cref="ContentChanges"/>), like <see cref="Course"/>.
/// </summary>
public sealed class ServiceGlossary(LearningDbContext db, IMemoryCache cache, ContentChanges changes, TenantContext tenantContext)
{
    /// <summary>The glossary in <paramref name="culture"/> (French when not translated), or null when none is published.</summary>
    public async Task<GlossaryView?> InAsync(string culture, CancellationToken cancellationToken)
    {
        var tenant = tenantContext.Tenant.Name;
        if (cache.TryGetValue((nameof(ServiceGlossary), tenant, culture), out GlossaryView? view))
        {
            return view;
        }

        var changed = changes.Watch(tenant);
        var items = await db.ContentItems.AsNoTracking().VisibleToReaders()
            .Where(i => i.Type == GlossaryType.TypeName && i.SetId == GlossaryType.SetId && (i.Culture == culture || i.Culture == Cultures.Default))
            .Select(i => new { i.Culture, i.PublishedVersion!.Title, i.PublishedVersion.Summary, i.PublishedVersion.Body, i.PublishedVersion.Fields })
            .ToListAsync(cancellationToken);
        var item = items.FirstOrDefault(i => i.Culture == culture) ?? items.FirstOrDefault();
        view = item is null ? null : new GlossaryView(item.Culture, item.Title, item.Summary, item.Body, GlossaryEntry.ListFrom(ContentFields.Parse(item.Fields).Structure("entries")));
        cache.Set((nameof(ServiceGlossary), tenant, culture), view, new MemoryCacheEntryOptions().AddExpirationToken(changed));
        return view;
    }

    /// <summary>The services a practice's sheet names (in <paramref name="culture"/>, else French), in the glossary's
    /// culture; kept until the tenant's content changes, since every view of the practice asks.</summary>
    public async Task<(string Culture, IReadOnlyList<GlossaryEntry> Services)> NamedInPracticeAsync(string setId, string culture, CancellationToken cancellationToken)
    {
        var tenant = tenantContext.Tenant.Name;
        var key = (nameof(NamedInPracticeAsync), tenant, setId, culture);
        if (cache.TryGetValue(key, out (string, IReadOnlyList<GlossaryEntry>) named))
        {
            return named;
        }

        var changed = changes.Watch(tenant);
        var sheets = await db.ContentItems.AsNoTracking().VisibleToReaders()
            .Where(i => i.Type == MoocPartType.LinkedPracticeType && i.SetId == setId && (i.Culture == culture || i.Culture == Cultures.Default))
            .Select(i => new { i.Culture, i.PublishedVersion!.Title, i.PublishedVersion.Summary, i.PublishedVersion.Body, i.PublishedVersion.Fields })
            .ToListAsync(cancellationToken);
        var sheet = sheets.FirstOrDefault(s => s.Culture == culture) ?? sheets.FirstOrDefault();
        named = sheet is not null && await InAsync(sheet.Culture, cancellationToken) is { } services
            ? (sheet.Culture, services.NamedIn([sheet.Title, sheet.Summary, sheet.Body, .. ContentFields.Parse(sheet.Fields).AllValues()]))
            : (culture, []);
        cache.Set(key, named, new MemoryCacheEntryOptions().AddExpirationToken(changed));
        return named;
    }
}
