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
    public int? Number => SetId.StartsWith("part-", StringComparison.Ordinal) && int.TryParse(SetId["part-".Length..], out var n) ? n : null;

    /// <summary>The question bank of the part's validation test; the self-assessment has none.</summary>
    public string? TestBank => IsSelfAssessment ? null : $"mooc/{SetId}/validation";
}

/// <summary>
/// The course's parts in a culture, in order (part-1 … then the self-assessment). Versions never change once
/// written, so a version's parsed fields are kept in memory by version id; only the small list of
/// published versions is read for each page.
/// </summary>
public sealed class Course(LearningDbContext db, IMemoryCache cache, TenantContext tenantContext)
{
    public async Task<IReadOnlyList<CoursePart>> PartsAsync(string culture, CancellationToken cancellationToken)
    {
        var items = await db.ContentItems.AsNoTracking().VisibleToReaders()
            .Where(i => i.Type == MoocPartType.TypeName && (i.Culture == culture || i.Culture == Cultures.Default))
            .Select(i => new { i.SetId, i.Culture, i.Slug, VersionId = i.PublishedVersionId!.Value })
            .ToListAsync(cancellationToken);
        var chosen = items.GroupBy(i => i.SetId)
            .Select(set => set.FirstOrDefault(i => i.Culture == culture) ?? set.First())
            .OrderBy(i => i.SetId == MoocPartType.SelfAssessment ? 1 : 0).ThenBy(i => i.SetId, StringComparer.Ordinal)
            .ToList();

        var tenant = tenantContext.Tenant.Name;
        var missing = chosen.Select(i => i.VersionId).Where(id => !cache.TryGetValue((tenant, id), out _)).ToList();
        if (missing.Count > 0)
        {
            var versions = await db.ContentVersions.AsNoTracking().Where(v => missing.Contains(v.Id))
                .Select(v => new { v.Id, v.Title, v.Summary, v.Body, v.Fields }).ToListAsync(cancellationToken);
            foreach (var v in versions)
            {
                cache.Set((tenant, v.Id), new ParsedVersion(v.Title, v.Summary, v.Body, MoocPart.From(ContentFields.Parse(v.Fields))));
            }
        }

        return chosen.Select(i => cache.Get<ParsedVersion>((tenant, i.VersionId)) is { } v
            ? new CoursePart(i.SetId, i.Culture, i.Slug, v.Title, v.Summary, v.Body, v.Content)
            : null).OfType<CoursePart>().ToList();
    }

    public async Task<CoursePart?> PartAsync(string setId, string culture, CancellationToken cancellationToken) =>
        (await PartsAsync(culture, cancellationToken)).FirstOrDefault(p => p.SetId == setId);

    private sealed record ParsedVersion(string Title, string Summary, string Body, MoocPart Content);
}
