using Learning.Modules.Core;
using Learning.Modules.Core.Tenancy;
using Learning.Modules.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Learning.Modules.Content;

/// <summary>
/// Readers' page views, counted in memory by page (tenant, type, culture, slug, UTC day) and added to each tenant's
/// <see cref="ContentRead"/>s by <see cref="FlushAsync"/> (every minute, and when the site stops): a read costs no
/// database work, and pages served from the output cache are counted too. At most
/// <see cref="ContentOptions.MaxCountedPages"/> pages are held between two flushes; reads of others are dropped. Only
/// pages that answered 200 are counted (<see cref="ReadCountingMiddleware"/>), so made-up slugs never get here.
/// On several nodes, each counts its own readers and adds them: the sums are right.
/// </summary>
public sealed class ReadCounter(TenantRegistry registry, IServiceScopeFactory scopes, TimeProvider clock, IOptions<ContentOptions> options, ILogger<ReadCounter> logger)
{
    private readonly Lock gate = new();
    private readonly SemaphoreSlim flushing = new(1, 1);
    private Dictionary<Page, long> counts = [];
    private long dropped;

    /// <summary>The pages counted since the last flush.</summary>
    public int Pending
    {
        get
        {
            lock (gate)
            {
                return counts.Count;
            }
        }
    }

    /// <summary>Counts one read of the page of <paramref name="type"/> at <paramref name="slug"/> in <paramref name="culture"/>.</summary>
    public void Count(string tenant, string type, string culture, string slug)
    {
        var page = new Page(tenant, type, culture, slug, clock.GetUtcNow().UtcDateTime.Date);
        lock (gate)
        {
            if (counts.TryGetValue(page, out var count))
            {
                counts[page] = count + 1;
            }
            else if (counts.Count < options.Value.MaxCountedPages)
            {
                counts[page] = 1;
            }
            else
            {
                dropped++;
            }
        }
    }

    /// <summary>Adds the reads counted so far to each tenant's table, and starts counting afresh. A page whose slug no
    /// longer names an item (renamed meanwhile) is not written; a tenant whose database fails keeps its reads for the next flush.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        await flushing.WaitAsync(cancellationToken);
        try
        {
            Dictionary<Page, long> taken;
            long lost;
            lock (gate)
            {
                (taken, counts) = (counts, []);
                (lost, dropped) = (dropped, 0);
            }

            if (lost > 0)
            {
                logger.LogWarning("{Count} reads were not counted: more than {Max} pages were read between two flushes.", lost, options.Value.MaxCountedPages);
            }

            foreach (var reads in taken.GroupBy(r => r.Key.Tenant))
            {
                if (registry.Find(reads.Key) is not { State: TenantState.Running } tenant)
                {
                    continue; // removed or stopped meanwhile
                }

                try
                {
                    await WriteAsync(tenant, reads.ToList(), cancellationToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    logger.LogWarning(exception, "The reads of tenant {Tenant} could not be written; they are kept for the next flush.", tenant.Name);
                    Restore(reads);
                }
            }
        }
        finally
        {
            flushing.Release();
        }
    }

    private async Task WriteAsync(Tenant tenant, IReadOnlyList<KeyValuePair<Page, long>> reads, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateTenantScope(tenant);
        var db = scope.ServiceProvider.GetRequiredService<LearningDbContext>();
        var rows = new Dictionary<(string Type, string SetId, string Culture, DateTime Day), long>();
        foreach (var group in reads.GroupBy(r => (r.Key.Type, r.Key.Culture)))
        {
            var (type, culture) = group.Key;
            var slugs = group.Select(r => r.Key.Slug).Distinct().ToList();
            // The page's own rule (ContentReader.FindAsync): the culture's item, else the French one at its French address.
            var sets = (await db.ContentItems.AsNoTracking()
                    .Where(i => i.Type == type && slugs.Contains(i.Slug) && (i.Culture == culture || i.Culture == Cultures.Default))
                    .Select(i => new { i.Slug, i.Culture, i.SetId })
                    .ToListAsync(cancellationToken))
                .GroupBy(i => i.Slug)
                .ToDictionary(g => g.Key, g => (g.FirstOrDefault(i => i.Culture == culture) ?? g.First()).SetId);
            foreach (var (page, count) in group)
            {
                if (sets.TryGetValue(page.Slug, out var setId))
                {
                    var row = (type, setId, culture, page.Day);
                    rows[row] = rows.GetValueOrDefault(row) + count;
                }
            }
        }

        if (rows.Count == 0)
        {
            return;
        }

        // One statement a row, the same on both databases, that adds to a row another node may have written meanwhile.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var ((type, setId, culture, day), count) in rows)
        {
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "ContentReads" ("Type", "SetId", "Culture", "Day", "Count") VALUES ({type}, {setId}, {culture}, {day}, {count})
                ON CONFLICT ("Type", "SetId", "Culture", "Day") DO UPDATE SET "Count" = "ContentReads"."Count" + excluded."Count"
                """, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private void Restore(IEnumerable<KeyValuePair<Page, long>> reads)
    {
        lock (gate)
        {
            foreach (var (page, count) in reads)
            {
                if (counts.TryGetValue(page, out var now))
                {
                    counts[page] = now + count;
                }
                else if (counts.Count < options.Value.MaxCountedPages)
                {
                    counts[page] = count;
                }
            }
        }
    }

    private readonly record struct Page(string Tenant, string Type, string Culture, string Slug, DateTime Day);
}
