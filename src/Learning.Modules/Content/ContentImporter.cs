using System.IO.Compression;
using System.Text;
using Learning.Modules.Core;
using Learning.Modules.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Learning.Modules.Content;

/// <summary>
/// Imports content files (a folder or a zip in the format of content/README.md). All files are read
/// and checked first; any problem stops the import with its file and line and changes nothing. Then
/// one transaction saves a new published version of each item whose file differs from it: importing
/// the same files twice changes nothing the second time.
/// </summary>
public sealed class ContentImporter(LearningDbContext db, ContentPublisher publisher, IEnumerable<IContentType> types, IOptions<ContentOptions> options, MarkdownRenderer markdown)
{
    public const string ImportAuthor = "import";

    /// <summary>No content file is this large; a bigger one in a zip is refused before it is read.</summary>
    private const long MaxFileBytes = 2 << 20;

    public async Task<ContentImportResult> ImportFolderAsync(string folder, CancellationToken cancellationToken)
    {
        var files = Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*.md", SearchOption.AllDirectories)
                .Where(f => !string.Equals(Path.GetFileName(f), "README.md", StringComparison.OrdinalIgnoreCase))
                .Select(f => (Path.GetRelativePath(folder, f).Replace('\\', '/'), File.ReadAllText(f, Encoding.UTF8)))
                .ToList()
            : throw new DirectoryNotFoundException($"No content folder at {folder}.");
        return await ImportAsync(files, cancellationToken);
    }

    public async Task<ContentImportResult> ImportZipAsync(Stream zip, CancellationToken cancellationToken)
    {
        var files = new List<(string, string)>();
        var (maxEntries, maxTotal) = (options.Value.MaxZipEntries, options.Value.MaxZipUncompressedBytes);
        try
        {
            using var archive = new ZipArchive(zip, ZipArchiveMode.Read, leaveOpen: true);
            // The central directory is read first: its count and declared sizes refuse a bomb before any inflating.
            if (archive.Entries.Count > maxEntries)
            {
                return ContentImportResult.Failed([new ContentImportError("(upload)", 1, $"The zip holds {archive.Entries.Count} entries; at most {maxEntries} are accepted.")]);
            }

            var entries = archive.Entries.Where(e => e.FullName.EndsWith(".md", StringComparison.OrdinalIgnoreCase) && !e.FullName.EndsWith("README.md", StringComparison.OrdinalIgnoreCase)).ToList();
            var tooLarge = new ContentImportError("(upload)", 1, $"The zip's content files are larger than {maxTotal >> 20} MB together.");
            if (entries.Sum(e => e.Length) > maxTotal)
            {
                return ContentImportResult.Failed([tooLarge]);
            }

            var total = 0L;
            foreach (var entry in entries)
            {
                if (entry.Length > MaxFileBytes)
                {
                    return ContentImportResult.Failed([new ContentImportError(entry.FullName, 1, $"The file is larger than {MaxFileBytes >> 20} MB.")]);
                }

                // Counted as inflated too, in case the directory understates a size.
                var room = maxTotal - total;
                var bytes = await ReadAtMostAsync(entry, Math.Min(MaxFileBytes, room), cancellationToken);
                if (bytes is null)
                {
                    return ContentImportResult.Failed([room < MaxFileBytes ? tooLarge : new ContentImportError(entry.FullName, 1, $"The file is larger than {MaxFileBytes >> 20} MB.")]);
                }

                total += bytes.Length;
                files.Add((entry.FullName.TrimStart('/'), new UTF8Encoding(false).GetString(bytes.AsSpan(bytes.AsSpan().StartsWith(Bom) ? 3 : 0))));
            }
        }
        catch (InvalidDataException)
        {
            return ContentImportResult.Failed([new ContentImportError("(upload)", 1, "The file is not a valid zip archive.")]);
        }

        return await ImportAsync(files, cancellationToken);
    }

    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    /// <summary>An entry's bytes, or null when it inflates to more than <paramref name="limit"/>.</summary>
    private static async Task<byte[]?> ReadAtMostAsync(ZipArchiveEntry entry, long limit, CancellationToken cancellationToken)
    {
        await using var stream = entry.Open();
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    public async Task<ContentImportResult> ImportAsync(IReadOnlyList<(string Path, string Text)> sources, CancellationToken cancellationToken)
    {
        var errors = new List<ContentImportError>();
        var files = sources.OrderBy(s => s.Path, StringComparer.Ordinal)
            .Select(s => ContentFile.Parse(s.Path, s.Text, errors))
            .OfType<ContentFile>()
            .ToList();
        var checkedFiles = files.Select(f => (File: f, Type: Check(f, errors))).Where(f => f.Type is not null).ToList();
        CheckUniqueness(checkedFiles.Select(f => f.File).ToList(), errors);
        if (errors.Count > 0)
        {
            return ContentImportResult.Failed(errors);
        }

        await CheckSlugsAgainstDatabaseAsync(files, errors, cancellationToken);
        if (errors.Count > 0)
        {
            return ContentImportResult.Failed(errors);
        }

        var (created, updated, unchanged) = (0, 0, 0);
        var publications = new List<(ContentItem, ContentVersion)>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var existing = await db.ContentItems.Include(i => i.PublishedVersion).ToDictionaryAsync(i => (i.Type, i.SetId, i.Culture), cancellationToken);
        // The source culture first, so that its translations are published against its new version.
        foreach (var (file, type) in checkedFiles.OrderBy(f => f.File.Value("culture") == Cultures.Default ? 0 : 1))
        {
            var fields = ContentFields.ToJson(file, type!.FieldKeys);
            var (title, summary, body) = (file.Value("title")!, file.Value("summary") ?? "", file.Body);
            // Structured parts (a tutorial's mind map…) come from the front matter as they are.
            var status = ParseStatus(file.Value("status"))!.Value;
            if (existing.TryGetValue((type.Name, file.Value("set")!, file.Value("culture")!), out var item))
            {
                var current = item.PublishedVersion;
                if (current is not null && current.Title == title && current.Summary == summary && current.Body == body
                    && current.Fields == fields && item.Slug == file.Value("slug") && item.Status == status)
                {
                    unchanged++;
                    continue;
                }

                item.Slug = file.Value("slug")!;
                updated++;
            }
            else
            {
                item = new ContentItem { Type = type.Name, SetId = file.Value("set")!, Culture = file.Value("culture")!, Slug = file.Value("slug")!, Status = ContentStatus.Draft };
                created++;
            }

            var version = publisher.AddVersion(item, title, summary, body, fields, ImportAuthor, "Imported from " + file.Path);
            if (status == ContentStatus.Published)
            {
                publications.Add((item, version));
            }
            else
            {
                item.Status = status;
            }
        }

        // All at once: saved, published and indexed with two saves rather than two per file.
        await publisher.PublishAllAsync(publications, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await publisher.EvictCachedPagesAsync(cancellationToken);
        return new ContentImportResult(created, updated, unchanged, []);
    }

    /// <summary>Checks one item as the editor pages build it, with the same rules as files.</summary>
    public async Task<IReadOnlyList<ContentImportError>> ValidateAsync(ContentFile file, CancellationToken cancellationToken)
    {
        var errors = new List<ContentImportError>();
        Check(file, errors);
        if (errors.Count == 0)
        {
            await CheckSlugsAgainstDatabaseAsync([file], errors, cancellationToken);
        }

        return errors;
    }

    /// <summary>Common fields, then the type's own; returns the type when the file names a known one.</summary>
    private IContentType? Check(ContentFile file, List<ContentImportError> errors)
    {
        var before = errors.Count;
        foreach (var key in new[] { "type", "set", "culture", "slug", "title", "status" })
        {
            if (string.IsNullOrWhiteSpace(file.Value(key)))
            {
                errors.Add(new(file.Path, file.LineOf(key), $"'{key}' is required."));
            }
        }

        var type = types.FirstOrDefault(t => t.Name == file.Value("type"));
        if (file.Value("type") is { Length: > 0 } typeName && type is null)
        {
            errors.Add(new(file.Path, file.LineOf("type"), $"Unknown content type '{typeName}'."));
        }

        if (file.Value("culture") is { Length: > 0 } culture && !Cultures.IsSupported(culture))
        {
            errors.Add(new(file.Path, file.LineOf("culture"), $"Unknown culture '{culture}': use one of {string.Join(", ", Cultures.All)}."));
        }
        else if (file.Value("culture") is { Length: > 0 } fileCulture && Path.GetFileNameWithoutExtension(file.Path) != (type?.FilePrefix ?? "") + fileCulture)
        {
            errors.Add(new(file.Path, file.LineOf("culture"), $"The file of this item must be named '{type?.FilePrefix}{fileCulture}.md'."));
        }

        if (file.Value("set") is { Length: > 0 } set && (!IsIdentifier(set) || Path.GetFileName(Path.GetDirectoryName(file.Path)) != set))
        {
            errors.Add(new(file.Path, file.LineOf("set"), $"The set '{set}' must be lower-case letters, digits and dashes, and name the file's folder."));
        }

        if (file.Value("slug") is { Length: > 0 } slug && !IsIdentifier(slug))
        {
            errors.Add(new(file.Path, file.LineOf("slug"), $"The slug '{slug}' must be lower-case letters, digits and dashes."));
        }

        if (file.Value("status") is { Length: > 0 } statusText && ParseStatus(statusText) is null)
        {
            errors.Add(new(file.Path, file.LineOf("status"), $"Unknown status '{statusText}': use draft, review, published or archived."));
        }

        if (file.Value("title") is { Length: > 300 })
        {
            errors.Add(new(file.Path, file.LineOf("title"), "The title is longer than 300 characters."));
        }

        if (file.Value("summary") is { Length: > 1000 })
        {
            errors.Add(new(file.Path, file.LineOf("summary"), "The summary is longer than 1000 characters."));
        }

        foreach (var key in file.Lines.Keys.Where(k => !ContentFile.CommonKeys.Contains(k) && type is not null && !type.FieldKeys.Contains(k)))
        {
            errors.Add(new(file.Path, file.LineOf(key), $"Unknown field '{key}' for the type '{type!.Name}'."));
        }

        if (!markdown.CanRead(file.Body))
        {
            // The body starts after the front matter's last key (near enough when that value spans lines).
            errors.Add(new(file.Path, file.Lines.Values.DefaultIfEmpty(0).Max() + 2, "The body's Markdown is nested too deeply to be read."));
        }

        type?.Validate(file, errors);
        return errors.Count == before ? type : null;
    }

    private static void CheckUniqueness(List<ContentFile> files, List<ContentImportError> errors)
    {
        foreach (var duplicate in files.GroupBy(f => (f.Value("type"), f.Value("set"), f.Value("culture"))).Where(g => g.Count() > 1))
        {
            errors.AddRange(duplicate.Skip(1).Select(f => new ContentImportError(f.Path, f.LineOf("set"), $"The set '{duplicate.Key.Item2}' already has a '{duplicate.Key.Item3}' file of type '{duplicate.Key.Item1}'.")));
        }

        foreach (var duplicate in files.GroupBy(f => (f.Value("type"), f.Value("culture"), f.Value("slug"))).Where(g => g.Count() > 1))
        {
            errors.AddRange(duplicate.Skip(1).Select(f => new ContentImportError(f.Path, f.LineOf("slug"), $"The slug '{duplicate.Key.Item3}' is already used in '{duplicate.Key.Item2}' by {duplicate.First().Path}.")));
        }
    }

    private async Task CheckSlugsAgainstDatabaseAsync(List<ContentFile> files, List<ContentImportError> errors, CancellationToken cancellationToken)
    {
        var taken = await db.ContentItems.Select(i => new { i.Type, i.Culture, i.Slug, i.SetId }).ToListAsync(cancellationToken);
        foreach (var file in files)
        {
            var other = taken.FirstOrDefault(t => t.Type == file.Value("type") && t.Culture == file.Value("culture") && t.Slug == file.Value("slug") && t.SetId != file.Value("set"));
            if (other is not null)
            {
                errors.Add(new(file.Path, file.LineOf("slug"), $"The slug '{other.Slug}' is already used in '{other.Culture}' by the set '{other.SetId}'."));
            }
        }
    }

    /// <summary>The status as files write it.</summary>
    public static ContentStatus? ParseStatus(string? status) => status switch
    {
        "draft" => ContentStatus.Draft,
        "review" => ContentStatus.InReview,
        "published" => ContentStatus.Published,
        "archived" => ContentStatus.Archived,
        _ => null,
    };

    public static string FormatStatus(ContentStatus status) => status == ContentStatus.InReview ? "review" : status.ToString().ToLowerInvariant();

    private static bool IsIdentifier(string text) => text.Length is > 0 and <= 100 && text.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-') && text[0] != '-';
}

public sealed record ContentImportResult(int Created, int Updated, int Unchanged, IReadOnlyList<ContentImportError> Errors)
{
    public bool Succeeded => Errors.Count == 0;

    public static ContentImportResult Failed(IReadOnlyList<ContentImportError> errors) => new(0, 0, 0, errors);
}
