using System.Text.Json.Nodes;
using System.Xml;
using System.Xml.Linq;
using Learning.Modules.Core;
using Learning.Modules.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Learning.Modules.Content;

/// <summary>
/// XLIFF 2.0 export and import of one localization set, so that professional translators work in their
/// own tools: the source is the default culture's newest version; an import saves the target culture's
/// texts as a new draft version (creating the translation if needed), to be reviewed and published.
/// </summary>
public sealed class Xliff(LearningDbContext db, ContentPublisher publisher, IEnumerable<IContentType> types, IWebHostEnvironment environment)
{
    private static readonly XNamespace Ns = "urn:oasis:names:tc:xliff:document:2.0";

    private const int MaxDepth = 32;

    public async Task<XDocument?> ExportAsync(string typeName, string setId, string targetCulture, CancellationToken cancellationToken)
    {
        var items = await db.ContentItems.Include(i => i.Versions).Where(i => i.Type == typeName && i.SetId == setId).ToListAsync(cancellationToken);
        var source = items.FirstOrDefault(i => i.Culture == Cultures.Default);
        if (source is null || !Cultures.IsSupported(targetCulture) || targetCulture == Cultures.Default)
        {
            return null;
        }

        var type = types.Single(t => t.Name == source.Type);
        var sourceTexts = Texts(type, Latest(source));
        var target = items.FirstOrDefault(i => i.Culture == targetCulture);
        var targetTexts = target is null ? [] : Texts(type, Latest(target));
        return new XDocument(
            new XElement(Ns + "xliff",
                new XAttribute("version", "2.0"),
                new XAttribute("srcLang", Cultures.Default),
                new XAttribute("trgLang", targetCulture),
                new XElement(Ns + "file",
                    new XAttribute("id", setId),
                    new XAttribute("original", source.Type),
                    sourceTexts.Select(t => new XElement(Ns + "unit",
                        new XAttribute("id", t.Key),
                        new XElement(Ns + "segment",
                            new XElement(Ns + "source", t.Value),
                            targetTexts.TryGetValue(t.Key, out var translated) ? new XElement(Ns + "target", translated) : null))))));
    }

    /// <summary>
    /// Saves the translation in the file, a translation of the given set's item of the given type, as a new draft
    /// version; returns the problems found, or none. A file that does not say which set or type it translates (some
    /// tools drop the optional "original") translates these; a file of another set or type saves nothing and
    /// returns neither an item nor a problem of its own.
    /// </summary>
    public async Task<(ContentItem? Item, IReadOnlyList<string> Errors)> ImportAsync(Stream stream, string typeName, string setId, string author, CancellationToken cancellationToken)
    {
        XDocument document;
        // Kept to find the line of a refused DTD (the pages hand over files of at most a few MB).
        using var bytes = new MemoryStream();
        await stream.CopyToAsync(bytes, cancellationToken);
        bytes.Position = 0;
        // No DTD: its entities could expand a few lines into gigabytes ("billion laughs"), or read files.
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, Async = true };
        try
        {
            // A file is a few levels deep; one of thousands of unclosed elements would make the parser's error
            // message (which names every one) take minutes.
            using (var scan = XmlReader.Create(bytes, settings))
            {
                while (await scan.ReadAsync())
                {
                    if (scan.Depth > MaxDepth)
                    {
                        return (null, [$"Line {((IXmlLineInfo)scan).LineNumber}: the elements are nested more than {MaxDepth} levels deep."]);
                    }
                }
            }

            bytes.Position = 0;
            using var reader = XmlReader.Create(bytes, settings);
            document = await XDocument.LoadAsync(reader, LoadOptions.SetLineInfo, cancellationToken);
        }
        catch (XmlException) when (System.Text.Encoding.UTF8.GetString(bytes.GetBuffer(), 0, (int)bytes.Length) is var text && text.Contains("<!DOCTYPE", StringComparison.Ordinal))
        {
            return (null, [$"Line {text.AsSpan(0, text.IndexOf("<!DOCTYPE", StringComparison.Ordinal)).Count('\n') + 1}: the file declares a DTD (<!DOCTYPE>), which is not accepted: remove it."]);
        }
        catch (XmlException exception)
        {
            return (null, [$"Line {exception.LineNumber}: the file is not valid XML ({exception.Message})."]);
        }

        var root = document.Root!;
        var file = root.Element(Ns + "file");
        var target = (string?)root.Attribute("trgLang");
        if (root.Name != Ns + "xliff" || (string?)root.Attribute("version") != "2.0" || file is null)
        {
            return (null, ["The file is not XLIFF 2.0 (a <xliff version=\"2.0\"> element with a <file>)."]);
        }

        if ((string?)root.Attribute("srcLang") != Cultures.Default || !Cultures.IsSupported(target) || target == Cultures.Default)
        {
            return (null, [$"The file must translate from '{Cultures.Default}' into one of {string.Join(", ", Cultures.All.Skip(1))}."]);
        }

        if (((string?)file.Attribute("id") ?? setId) != setId || ((string?)file.Attribute("original") ?? typeName) != typeName)
        {
            return (null, []);
        }

        var items = await db.ContentItems.Include(i => i.Versions).Where(i => i.Type == typeName && i.SetId == setId).ToListAsync(cancellationToken);
        var source = items.FirstOrDefault(i => i.Culture == Cultures.Default);
        if (source is null)
        {
            return (null, [$"No content has the identifier '{setId}'."]);
        }

        var type = types.Single(t => t.Name == source.Type);
        var known = Texts(type, Latest(source)).Keys.ToHashSet();
        var translations = new Dictionary<string, string>();
        var errors = new List<string>();
        foreach (var unit in file.Elements(Ns + "unit"))
        {
            var id = (string?)unit.Attribute("id") ?? "";
            var line = ((IXmlLineInfo)unit).LineNumber;
            var text = unit.Element(Ns + "segment")?.Element(Ns + "target")?.Value;
            if (!known.Contains(id))
            {
                errors.Add($"Line {line}: unknown unit '{id}'.");
            }
            else if (string.IsNullOrWhiteSpace(text))
            {
                errors.Add($"Line {line}: the unit '{id}' has no translation.");
            }
            else if ((id, text.Length) is ("title", > 300) or ("summary", > 1000))
            {
                // The same bounds as a content file's, which the database holds to.
                errors.Add($"Line {line}: the {id} is longer than {(id == "title" ? 300 : 1000)} characters.");
            }
            else
            {
                translations[id] = text;
            }
        }

        foreach (var missing in new[] { "title", "summary", "body" }.Where(k => !translations.ContainsKey(k) && !errors.Any(e => e.Contains($"'{k}'"))))
        {
            errors.Add($"The unit '{missing}' is missing.");
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var item = items.FirstOrDefault(i => i.Culture == target)
                   ?? new ContentItem { Type = source.Type, SetId = setId, Culture = target!, Slug = await FreeSlugAsync(source.Type, target!, translations["title"], cancellationToken), Status = ContentStatus.Draft };
        var fields = JsonNode.Parse(Latest(source).Fields)!.AsObject();
        foreach (var (path, text) in translations.Where(t => t.Key is not ("title" or "summary" or "body")))
        {
            SetAt(fields, path, text);
        }

        var targetFields = item.Versions.Count > 0 ? JsonNode.Parse(Latest(item).Fields) : null;
        KeepTheCulturesOwnVideos(fields, targetFields, target!);

        publisher.AddVersion(item, translations["title"], translations["summary"], translations["body"], fields.ToJsonString(), author, "Imported from XLIFF");
        item.Status = ContentStatus.Draft;
        await db.SaveChangesAsync(cancellationToken);
        return (item, []);
    }

    /// <summary>
    /// The fields are copied from the French item, so each video's `file` names the French narration. A translation
    /// keeps the other file it already had at that place, or takes its own culture's narration when the site has it
    /// (/videos/x.fr.webm → /videos/x.hu.webm, made by tools/make-videos.sh); otherwise the French voice stays, under
    /// the translated subtitles.
    /// </summary>
    private void KeepTheCulturesOwnVideos(JsonNode? node, JsonNode? targetNode, string culture)
    {
        switch (node)
        {
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    KeepTheCulturesOwnVideos(array[i], targetNode is JsonArray t && i < t.Count ? t[i] : null, culture);
                }

                break;
            case JsonObject obj:
                foreach (var (name, child) in obj.ToList())
                {
                    if (name == "file" && child is JsonValue value && value.TryGetValue<string>(out var file))
                    {
                        obj[name] = targetNode?[name] is JsonValue kept && kept.TryGetValue<string>(out var own) && own.Length > 0 && own != file ? own : OwnNarration(file, culture);
                    }
                    else
                    {
                        KeepTheCulturesOwnVideos(child, targetNode as JsonObject is { } t && t.TryGetPropertyValue(name, out var c) ? c : null, culture);
                    }
                }

                break;
        }
    }

    private string OwnNarration(string file, string culture)
    {
        var french = $".{Cultures.Default}.webm";
        if (!file.StartsWith("/videos/", StringComparison.Ordinal) || !file.EndsWith(french, StringComparison.Ordinal))
        {
            return file;
        }

        var own = file[..^french.Length] + $".{culture}.webm";
        return environment.WebRootFileProvider.GetFileInfo(own).Exists ? own : file;
    }

    private static ContentVersion Latest(ContentItem item) => item.Versions.Single(v => v.Number == item.LatestVersionNumber);

    /// <summary>Every text to translate, by unit id: title, summary, body, then the type's fields, walked
    /// down to their texts ("mind_map/branches/0/label"), leaving out ids and other fixed properties.</summary>
    private static Dictionary<string, string> Texts(IContentType type, ContentVersion version)
    {
        var texts = new Dictionary<string, string> { ["title"] = version.Title, ["summary"] = version.Summary, ["body"] = version.Body };
        var fields = JsonNode.Parse(version.Fields)!.AsObject();
        foreach (var key in type.TranslatableKeys.Where(fields.ContainsKey))
        {
            Walk(fields[key], key, type.FixedProperties, texts);
        }

        return texts;
    }

    private static void Walk(JsonNode? node, string path, IReadOnlySet<string> fixedProperties, Dictionary<string, string> texts)
    {
        switch (node)
        {
            case JsonValue value when value.TryGetValue<string>(out var text) && text.Length > 0:
                texts[path] = text;
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    Walk(array[i], $"{path}/{i}", fixedProperties, texts);
                }

                break;
            case JsonObject obj:
                foreach (var (name, child) in obj.Where(p => !fixedProperties.Contains(p.Key)))
                {
                    Walk(child, $"{path}/{name}", fixedProperties, texts);
                }

                break;
        }
    }

    private static void SetAt(JsonObject root, string path, string text)
    {
        var parts = path.Split('/');
        JsonNode? node = root;
        foreach (var part in parts[..^1])
        {
            node = node is JsonArray array ? array[int.Parse(part)] : node?[part];
        }

        if (node is JsonArray list)
        {
            list[int.Parse(parts[^1])] = text;
        }
        else if (node is JsonObject obj)
        {
            obj[parts[^1]] = text;
        }
    }

    private async Task<string> FreeSlugAsync(string type, string culture, string title, CancellationToken cancellationToken)
    {
        var words = string.Concat(TextFolding.Fold(title).Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-'));
        var slug = string.Join('-', words.Split('-', StringSplitOptions.RemoveEmptyEntries)).Trim('-');
        slug = slug.Length > 80 ? slug[..80].Trim('-') : slug.Length < 2 ? culture + "-translation" : slug;
        var taken = await db.ContentItems.Where(i => i.Type == type && i.Culture == culture && i.Slug.StartsWith(slug)).Select(i => i.Slug).ToListAsync(cancellationToken);
        var candidate = slug;
        for (var n = 2; taken.Contains(candidate); n++)
        {
            candidate = $"{slug}-{n}";
        }

        return candidate;
    }
}
