using Learning.Modules.Core;
using Learning.Modules.Data;
using Microsoft.EntityFrameworkCore;

namespace Learning.Modules.Content;

/// <summary>The items of a type most read over a period (every feature may ask: "most read practices and tutorials").
/// Reads reach the database every minute (<see cref="ReadCounter"/>), so today's figure may lag by that much.</summary>
public sealed class ReadCounts(LearningDbContext db)
{
    /// <summary>
    /// The <paramref name="top"/> items of <paramref name="type"/> most read from <paramref name="fromDay"/> to
    /// <paramref name="toDay"/> (UTC days, both included), by readers of <paramref name="culture"/> or of every culture
    /// when null; most read first, then by set id. Titles in <paramref name="culture"/> (when null, the current
    /// request's culture), French where not translated, the set id for an item no longer published.
    /// </summary>
    public Task<IReadOnlyList<ReadCount>> MostReadAsync(string type, DateTime fromDay, DateTime toDay, string? culture, int top, CancellationToken cancellationToken) =>
        MostReadAsync(type, fromDay, toDay, culture, culture ?? Cultures.Current, top, cancellationToken);

    /// <summary>The same, titled in <paramref name="titleCulture"/> (French where not translated) whoever the readers
    /// were: the dashboard speaks its administrator's language.</summary>
    public async Task<IReadOnlyList<ReadCount>> MostReadAsync(string type, DateTime fromDay, DateTime toDay, string? culture, string titleCulture, int top, CancellationToken cancellationToken)
    {
        if (top <= 0)
        {
            return [];
        }

        var from = DateTime.SpecifyKind(fromDay.Date, DateTimeKind.Utc);
        var to = DateTime.SpecifyKind(toDay.Date, DateTimeKind.Utc);
        var reads = db.ContentReads.AsNoTracking().Where(r => r.Type == type && r.Day >= from && r.Day <= to);
        if (culture is not null)
        {
            reads = reads.Where(r => r.Culture == culture);
        }

        var totals = await reads.GroupBy(r => r.SetId)
            .Select(g => new { SetId = g.Key, Reads = g.Sum(r => r.Count) })
            .OrderByDescending(r => r.Reads).ThenBy(r => r.SetId)
            .Take(top)
            .ToListAsync(cancellationToken);
        if (totals.Count == 0)
        {
            return [];
        }

        var sets = totals.Select(r => r.SetId).ToList();
        var titles = (await db.ContentItems.AsNoTracking()
                .Where(i => i.Type == type && sets.Contains(i.SetId) && i.PublishedVersionId != null && (i.Culture == titleCulture || i.Culture == Cultures.Default))
                .Select(i => new { i.SetId, i.Culture, i.PublishedVersion!.Title })
                .ToListAsync(cancellationToken))
            .GroupBy(i => i.SetId)
            .ToDictionary(g => g.Key, g => (g.FirstOrDefault(i => i.Culture == titleCulture) ?? g.First()).Title);
        return totals.Select(r => new ReadCount(r.SetId, titles.GetValueOrDefault(r.SetId, r.SetId), r.Reads)).ToList();
    }
}
