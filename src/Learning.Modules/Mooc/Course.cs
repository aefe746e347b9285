using Learning.Modules.Content;
using Learning.Modules.Core;
using Learning.Modules.Core.Tenancy;
using Learning.Modules.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Learning.Modules.Mooc;

/// <summary>A part of the course as a reader of one culture sees it (French when not yet translated).</summary>
public sealed record CoursePart(string SetId, string Culture, string Slug, string Title, string Summary, string Body, MoocPart Content)
{
    public bool IsSelfAssessment => SetId == MoocPartType.SelfAssessment;

    /// <summary>The part's number (1 for part-1); null for the self-assessment.</summary>
    public int? Number => NumberOf(SetId);

    public static int? NumberOf(string setId) => setId.StartsWith("part-", StringComparison.Ordinal) && int.TryParse(setId["part-".Length..], out var n) ? n : null;

    /// <summary>The question bank of the part's validation test; the self-assessment has none.</summary>
    public string? TestBank => IsSelfAssessment ? null : PartTests.Bank(SetId);
}

/// <summary>
/// The course's parts in a culture, in order (part-1 … then the self-assessment). Every learner page needs
/// them, so they stay in memory until the tenant's content changes (<see cref="ContentChanges"/>).
/// </summary>
public sealed class Course(LearningDbContext db, IMemoryCache cache, ContentChanges changes, TenantContext tenantContext)
{
    public async Task<IReadOnlyList<CoursePart>> PartsAsync(string culture, CancellationToken cancellationToken)
    {
        var tenant = tenantContext.Tenant.Name;
        if (cache.TryGetValue((nameof(Course), tenant, culture), out IReadOnlyList<CoursePart>? parts))
        {
            return parts!;
        }

        // Watched before reading, so that a publication during the read is not missed.
        var changed = changes.Watch(tenant);
        var items = await db.ContentItems.AsNoTracking().VisibleToReaders()
            .Where(i => i.Type == MoocPartType.TypeName && (i.Culture == culture || i.Culture == Cultures.Default))
            .Select(i => new { i.SetId, i.Culture, i.Slug, i.PublishedVersion!.Title, i.PublishedVersion.Summary, i.PublishedVersion.Body, i.PublishedVersion.Fields })
            .ToListAsync(cancellationToken);
        parts = items.GroupBy(i => i.SetId)
            .Select(set => set.FirstOrDefault(i => i.Culture == culture) ?? set.First())
            .OrderBy(i => i.SetId == MoocPartType.SelfAssessment ? 1 : 0).ThenBy(i => i.SetId, StringComparer.Ordinal)
            .Select(i => new CoursePart(i.SetId, i.Culture, i.Slug, i.Title, i.Summary, i.Body, MoocPart.From(ContentFields.Parse(i.Fields))))
            .ToList();
        cache.Set((nameof(Course), tenant, culture), parts, new MemoryCacheEntryOptions().AddExpirationToken(changed));
        return parts;
    }

    public async Task<CoursePart?> PartAsync(string setId, string culture, CancellationToken cancellationToken) =>
        (await PartsAsync(culture, cancellationToken)).FirstOrDefault(p => p.SetId == setId);
}
