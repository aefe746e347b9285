using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Learning.Modules.Content;

namespace Learning.Modules.Mooc.Glossary;

/// <summary>The "glossary" content type: the reference services of the MOOC's document banks, one file per culture in
/// content/glossary/brussels-services/glossary.fr.md…, each service an entry of the front matter (content/README.md).</summary>
public sealed partial class GlossaryType : IContentType
{
    public const string TypeName = "glossary";

    /// <summary>The one set of the type: the site has one glossary, whose entries' ids are the anchors of its page.</summary>
    public const string SetId = "brussels-services";

    /// <summary>The readers' page, after the culture.</summary>
    public const string PagePath = "glossary";

    public string Name => TypeName;

    public string Folder => "glossary";

    public string FilePrefix => "glossary.";

    public string EditorPage => "editor/glossary";

    public Type Strings => typeof(MoocStrings);

    public string DisplayName => "glossary of services";

    public string NewItemText => "New glossary";

    public string ReaderPath(string setId, string slug) => PagePath;

    public IReadOnlyList<string> FieldKeys { get; } = ["entries"];

    public IReadOnlyList<string> TranslatableKeys => FieldKeys;

    public IReadOnlySet<string> FixedProperties { get; } = new HashSet<string> { "id", "url", "also" };

    public void Validate(ContentFile file, ICollection<ContentImportError> errors)
    {
        void Error(string message) => errors.Add(new(file.Path, file.LineOf(file.Lines.ContainsKey("entries") ? "entries" : "set"), message));

        if (string.IsNullOrWhiteSpace(file.Value("summary")))
        {
            errors.Add(new(file.Path, file.LineOf("summary"), "'summary' is required."));
        }

        if (file.Value("set") is { Length: > 0 } set && set != SetId)
        {
            errors.Add(new(file.Path, file.LineOf("set"), $"The glossary's set is '{SetId}': the site has one glossary."));
        }

        if (!file.Structures.TryGetValue("entries", out var node) || node is not JsonArray array || array.Count == 0 || array.Any(e => e is not JsonObject))
        {
            Error("'entries' must list the glossary's entries, each with an id, a name and what the service does (content/README.md).");
            return;
        }

        var entries = GlossaryEntry.ListFrom(node);
        foreach (var duplicate in entries.GroupBy(e => e.Id).Where(g => g.Count() > 1))
        {
            Error($"The id '{duplicate.Key}' is used by more than one entry.");
        }

        foreach (var entry in entries)
        {
            var label = entry.Id.Length > 0 ? $"Entry '{entry.Id}'" : $"Entry {entries.ToList().IndexOf(entry) + 1}";
            if (!EntryId().IsMatch(entry.Id))
            {
                Error($"{label}: the id must be lower-case letters, digits and dashes (at most 40).");
            }

            if (entry.Name.Length == 0 || entry.Does.Length == 0)
            {
                Error($"{label}: it needs a name and what the service does ('does').");
            }

            if (entry.Name.Length > 120 || entry.FullName?.Length > 200 || entry.Does.Length > 1000)
            {
                Error($"{label}: the name is at most 120 characters, the full name 200 and 'does' 1000.");
            }

            if (entry.Url is { } url && (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps))
            {
                Error($"{label}: the address '{url}' must start with https://.");
            }

            if (entry.Also.Any(a => a.Trim().Length < 2))
            {
                Error($"{label}: each of its other names ('also') has at least 2 letters.");
            }
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$")]
    private static partial Regex EntryId();
}

/// <summary>A service of the glossary: its anchor, its name as the organisation writes it, its full name, what it
/// does for a person far from employment, its official address, and other names texts give it.</summary>
public sealed record GlossaryEntry(string Id, string Name, string? FullName, string Does, string? Url, IReadOnlyList<string> Also)
{
    public static IReadOnlyList<GlossaryEntry> ListFrom(JsonNode? node) => MoocPart.Objects(node)
        .Select(o => new GlossaryEntry(
            MoocPart.Text(o, "id").Trim(),
            MoocPart.Text(o, "name").Trim(),
            MoocPart.Optional(o, "full_name")?.Trim(),
            MoocPart.Text(o, "does").Trim(),
            MoocPart.Optional(o, "url")?.Trim(),
            MoocPart.Texts(o["also"])))
        .ToList();

    /// <summary>Every name it goes by, to find it in a text.</summary>
    public IEnumerable<string> Names => new[] { Name, FullName }.OfType<string>().Concat(Also);
}
