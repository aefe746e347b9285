using System.IO.Compression;
using System.Text;
using Learning.Modules.Data;
using Microsoft.EntityFrameworkCore;

namespace Learning.Modules.Content;

/// <summary>Writes a tenant's content back as files (a zip in the format of content/README.md):
/// each item's published version, or its newest one when it was never published.</summary>
public sealed class ContentExporter(LearningDbContext db, IEnumerable<IContentType> types)
{
    public async Task WriteZipAsync(Stream output, CancellationToken cancellationToken)
    {
        var items = await db.ContentItems.AsNoTracking().OrderBy(i => i.SetId).ThenBy(i => i.Culture).ToListAsync(cancellationToken);
        var allItems = db.ContentItems; // a query inside a query: extension properties cannot appear in expression trees
        var versions = await db.ContentVersions.AsNoTracking()
            .Where(v => allItems.Any(i => i.Id == v.ItemId && (i.PublishedVersionId == v.Id || (i.PublishedVersionId == null && i.LatestVersionNumber == v.Number))))
            .ToDictionaryAsync(v => v.ItemId, cancellationToken);

        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var item in items)
        {
            var type = types.Single(t => t.Name == item.Type);
            var version = versions[item.Id];
            var front = new List<(string, object)>
            {
                ("type", item.Type), ("set", item.SetId), ("culture", item.Culture), ("slug", item.Slug),
                ("title", version.Title), ("summary", version.Summary),
            };
            front.AddRange(ContentFields.Parse(version.Fields).InOrder(type.FieldKeys));
            front.Add(("status", ContentImporter.FormatStatus(item.Status)));
            var entry = zip.CreateEntry($"{type.Folder}/{item.SetId}/{type.FilePrefix}{item.Culture}.md");
            await using var writer = new StreamWriter(entry.Open(), new UTF8Encoding(false));
            await writer.WriteAsync(ContentFile.Format(front, version.Body));
        }
    }
}
