using System.Text;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Learning.Modules.Content;

/// <summary>
/// One file of content/: YAML front matter between "---" lines, then the Markdown body
/// (format in content/README.md). Keeps the line of each front-matter key for error messages.
/// </summary>
public sealed class ContentFile
{
    /// <summary>The keys every content file has; the others are the type's fields.</summary>
    public static readonly string[] CommonKeys = ["type", "set", "culture", "slug", "title", "summary", "status"];

    public required string Path { get; init; }

    public Dictionary<string, string> Values { get; } = [];

    public Dictionary<string, List<string>> Lists { get; } = [];

    public Dictionary<string, int> Lines { get; } = [];

    /// <summary>Structured fields (mappings, lists of mappings), as JSON.</summary>
    public Dictionary<string, JsonNode> Structures { get; } = [];

    public string Body { get; set; } = "";

    public string? Value(string key) => Values.GetValueOrDefault(key);

    public int LineOf(string key) => Lines.GetValueOrDefault(key, 1);

    /// <summary>Reads a file; problems are added to <paramref name="errors"/> and null returned.</summary>
    public static ContentFile? Parse(string path, string text, ICollection<ContentImportError> errors)
    {
        text = text.Replace("\r\n", "\n");
        if (!text.StartsWith("---\n", StringComparison.Ordinal))
        {
            errors.Add(new(path, 1, "The file must start with a YAML front matter between two '---' lines."));
            return null;
        }

        var end = text.IndexOf("\n---\n", 3, StringComparison.Ordinal);
        if (end < 0)
        {
            errors.Add(new(path, 1, "The front matter has no closing '---' line."));
            return null;
        }

        var file = new ContentFile { Path = path, Body = text[(end + 5)..].Trim('\n') + "\n" };
        var yaml = new YamlStream();
        try
        {
            yaml.Load(new StringReader(text[4..(end + 1)]));
        }
        catch (YamlException exception)
        {
            // The front matter starts on the file's second line.
            errors.Add(new(path, (int)exception.Start.Line + 1, "Invalid YAML: " + exception.Message));
            return null;
        }

        if (yaml.Documents.Count == 0 || yaml.Documents[0].RootNode is not YamlMappingNode mapping)
        {
            errors.Add(new(path, 2, "The front matter must be a list of 'key: value' lines."));
            return null;
        }

        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            var key = ((YamlScalarNode)keyNode).Value ?? "";
            file.Lines[key] = (int)keyNode.Start.Line + 1;
            switch (valueNode)
            {
                case YamlScalarNode scalar:
                    file.Values[key] = scalar.Value ?? "";
                    break;
                case YamlSequenceNode sequence when sequence.Children.All(c => c is YamlScalarNode):
                    file.Lists[key] = sequence.Children.Select(c => ((YamlScalarNode)c).Value ?? "").ToList();
                    break;
                default:
                    file.Structures[key] = ToJson(valueNode);
                    break;
            }
        }

        return file;
    }

    private static JsonNode ToJson(YamlNode node) => node switch
    {
        YamlMappingNode mapping => new JsonObject(mapping.Children.Select(c => KeyValuePair.Create(((YamlScalarNode)c.Key).Value ?? "", (JsonNode?)ToJson(c.Value)))),
        YamlSequenceNode sequence => new JsonArray([.. sequence.Children.Select(ToJson)]),
        YamlScalarNode scalar => JsonValue.Create(scalar.Value ?? "")!,
        _ => JsonValue.Create("")!,
    };

    /// <summary>Writes the file back in the same format (the export of a version).</summary>
    public static string Format(IEnumerable<(string Key, object Value)> front, string body)
    {
        var text = new StringBuilder("---\n");
        foreach (var (key, value) in front)
        {
            switch (value)
            {
                case JsonNode node:
                    text.Append(key).Append(":\n");
                    Emit(node, 2, text);
                    break;
                case IEnumerable<string> list:
                    text.Append(key).Append(':').Append(List(list, 2));
                    break;
                default:
                    text.Append(key).Append(": ").Append(Quote(value.ToString() ?? "")).Append('\n');
                    break;
            }
        }

        return text.Append("---\n\n").Append(body.Trim('\n')).Append('\n').ToString();
    }

    /// <summary>YAML block style for a structured field: mappings as "key: value", lists as "- ".</summary>
    private static void Emit(JsonNode node, int indent, StringBuilder text)
    {
        var pad = new string(' ', indent);
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj)
                {
                    text.Append(pad).Append(name).Append(':');
                    if (child is JsonObject or JsonArray && !IsScalarList(child))
                    {
                        text.Append('\n');
                        Emit(child, indent + 2, text);
                    }
                    else
                    {
                        text.Append(child is JsonArray list ? List(list.Select(v => v!.GetValue<string>()), indent + 2) : " " + Quote(child?.GetValue<string>() ?? "") + "\n");
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    if (item is JsonObject itemObject)
                    {
                        // The item's first line follows the dash; the others line up with it.
                        var inner = new StringBuilder();
                        Emit(itemObject, indent + 2, inner);
                        text.Append(pad).Append("- ").Append(inner.ToString()[(indent + 2)..]);
                    }
                    else
                    {
                        text.Append(pad).Append("- ").Append(Quote(item?.GetValue<string>() ?? "")).Append('\n');
                    }
                }

                break;
        }
    }

    private static bool IsScalarList(JsonNode? node) => node is JsonArray array && array.All(i => i is JsonValue);

    /// <summary>A list of texts after its key: on the same line when short ("[a, b]"), else one "- " line each.</summary>
    private static string List(IEnumerable<string> list, int indent)
    {
        var items = list.Select(Quote).ToList();
        var flow = " [" + string.Join(", ", items) + "]\n";
        return flow.Length <= 80 ? flow : "\n" + string.Concat(items.Select(i => new string(' ', indent) + "- " + i + "\n"));
    }

    /// <summary>A YAML scalar, quoted only when plain text would be read otherwise.</summary>
    private static string Quote(string value)
    {
        var plain = value.Length > 0
                    && !value.Contains(": ") && !value.Contains(" #") && !value.Contains('\n')
                    && !"-?:,[]{}#&*!|>'\"%@`".Contains(value[0])
                    && !value.EndsWith(':') && value.Trim() == value
                    && !(value.Contains(',') || value.Contains('[') || value.Contains(']'))
                    && !bool.TryParse(value, out _) && !double.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out _)
                    && value is not ("null" or "~" or "yes" or "no" or "on" or "off");
        return plain ? value : "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
    }
}

/// <summary>A problem in a content file, where a person can find it.</summary>
public sealed record ContentImportError(string File, int Line, string Message)
{
    public override string ToString() => $"{File}:{Line}: {Message}";
}
