using Learning.Modules.Core;
using Learning.Modules.Core.Tenancy;
using Learning.Modules.Data;
using Microsoft.EntityFrameworkCore;

namespace Learning.Modules.Content;

/// <summary>Saves new versions and publishes them: the only way content changes, from the editor
/// pages and from imports alike, so versions, search and caches always agree.</summary>
public sealed class ContentPublisher(LearningDbContext db, SearchIndex search, MarkdownRenderer markdown, ContentChanges changes, TenantContext tenantContext, TimeProvider clock)
{
    /// <summary>The output-cache tag of the tenant's reader pages, evicted by every publication.</summary>
    public static string CacheTag(string tenant) => "content:" + tenant;

    /// <summary>Adds a version to an item (creating the item on its first version). Nothing is saved yet.</summary>
    public ContentVersion AddVersion(ContentItem item, string title, string summary, string body, string fields, string author, string? note)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (item.Id == 0 && db.Entry(item).State == EntityState.Detached)
        {
            item.CreatedUtc = now;
            db.ContentItems.Add(item);
        }

        item.LatestVersionNumber++;
        item.UpdatedUtc = now;
        var version = new ContentVersion
        {
            Number = item.LatestVersionNumber,
            Title = title,
            Summary = summary,
            Body = body,
            Fields = fields,
            Author = author,
            Note = note,
            CreatedUtc = now,
        };
        item.Versions.Add(version);
        return version;
    }

    /// <summary>The editors' save: a new version, then the workflow step asked for — kept as a draft, submitted
    /// for review, or published (readers' pages refreshed). Returns the new version.</summary>
    public async Task<ContentVersion> SaveAsync(ContentItem item, ContentStatus status, string title, string summary, string body, string fields, string author, CancellationToken cancellationToken)
    {
        var version = AddVersion(item, title, summary, body, fields, author, null);
        if (status == ContentStatus.Published)
        {
            await PublishAsync(item, version, cancellationToken);
            await EvictCachedPagesAsync(cancellationToken);
        }
        else
        {
            item.Status = status;
            await db.SaveChangesAsync(cancellationToken);
        }

        return version;
    }

    /// <summary>Makes <paramref name="version"/> the one readers see, and indexes it for search.</summary>
    public Task PublishAsync(ContentItem item, ContentVersion version, CancellationToken cancellationToken) =>
        PublishAllAsync([(item, version)], cancellationToken);

    /// <summary>Publishes several versions at once, as <see cref="PublishAsync"/> would one after the other, with two
    /// saves in all instead of two each (an import of the shipped content publishes some 220). A translation published
    /// with its source names the source's version published here; otherwise the one in the database.</summary>
    public async Task PublishAllAsync(IReadOnlyList<(ContentItem Item, ContentVersion Version)> publications, CancellationToken cancellationToken)
    {
        // An item created here has no search row yet (items are never deleted, so no id comes back): its text is
        // only added, without the delete that would scan the SQLite index's rows for its id.
        var created = publications.Where(p => db.Entry(p.Item).State == EntityState.Added).Select(p => p.Item).ToHashSet();
        await db.SaveChangesAsync(cancellationToken); // the versions need their ids
        var now = clock.GetUtcNow().UtcDateTime;
        var sources = new Dictionary<(string Type, string SetId), int>();
        foreach (var (item, version) in publications)
        {
            item.PublishedVersionId = version.Id;
            item.Status = ContentStatus.Published;
            item.PublishedUtc = now;
            if (item.Culture == Cultures.Default)
            {
                // A translation remembers which version of the source it was published against.
                item.TranslatedFromVersion = null;
                sources[(item.Type, item.SetId)] = version.Number;
            }
            else
            {
                item.TranslatedFromVersion = sources.TryGetValue((item.Type, item.SetId), out var number)
                    ? number
                    : await db.ContentItems.Where(i => i.Type == item.Type && i.SetId == item.SetId && i.Culture == Cultures.Default && i.PublishedVersionId != null)
                        .Select(i => (int?)i.PublishedVersion!.Number).SingleOrDefaultAsync(cancellationToken);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        foreach (var (item, version) in publications)
        {
            var text = string.Join(' ', [version.Title, version.Summary, markdown.ToPlainText(version.Body), .. ContentFields.Parse(version.Fields).AllValues()]);
            await (created.Contains(item)
                ? search.AddAsync(item.Id, item.Culture, text, cancellationToken)
                : search.IndexAsync(item.Id, item.Culture, text, cancellationToken));
        }
    }

    /// <summary>Takes an item away from readers (archived or withdrawn to draft).</summary>
    public async Task WithdrawAsync(ContentItem item, ContentStatus status, CancellationToken cancellationToken)
    {
        item.Status = status;
        item.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        await search.RemoveAsync(item.Id, cancellationToken);
    }

    /// <summary>Readers' pages of the tenant show the change from now on, on every node.</summary>
    public Task EvictCachedPagesAsync(CancellationToken cancellationToken) => changes.PublishedAsync(tenantContext.Tenant.Name);
}
