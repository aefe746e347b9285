using System.Text;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
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

    /// <summary>Bounds of a front matter, far above the largest shipped one (a MOOC part: 90 kB, depth 6), so that
    /// one editor's field cannot make the conversion below use the whole memory or stack of every tenant's process.</summary>
    public const int MaxFrontMatterChars = 1 << 20, MaxDepth = 32, MaxNodes = 100_000;

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
        // PostgreSQL's text cannot hold it: the import would fail on saving instead of naming the line.
        if (text.IndexOf('\0') is var nul and >= 0)
        {
            errors.Add(new(path, text.AsSpan(0, nul).Count('\n') + 1, "The file contains a NUL character (U+0000), which is not accepted."));
            return null;
        }

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
        var frontMatter = text[4..(end + 1)];
        if (frontMatter.Length > MaxFrontMatterChars)
        {
            errors.Add(new(path, 2, $"The front matter is longer than {MaxFrontMatterChars >> 10} kB."));
            return null;
        }

        var yaml = new YamlStream();
        try
        {
            // Checked event by event before anything is built: YamlStream resolves aliases into shared or
            // self-referencing nodes, and its loader and the conversion to JSON recurse.
            if (CheckShape(frontMatter) is { } problem)
            {
                errors.Add(new(path, problem.Line + 1, problem.Message));
                return null;
            }

            yaml.Load(new StringReader(frontMatter));
            if (yaml.Documents.Count == 0 || yaml.Documents[0].RootNode is not YamlMappingNode mapping)
            {
                errors.Add(new(path, 2, "The front matter must be a list of 'key: value' lines."));
                return null;
            }

            foreach (var (keyNode, valueNode) in mapping.Children)
            {
                var key = Key(keyNode);
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
        }
        catch (YamlException exception)
        {
            // The front matter starts on the file's second line.
            errors.Add(new(path, (int)exception.Start.Line + 1, "Invalid YAML: " + exception.Message));
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's parser gives up so on some broken input (found by the hostile-input corpus), without a line.
            errors.Add(new(path, 2, "Invalid YAML: the front matter cannot be read."));
            return null;
        }

        return file;
    }

    /// <summary>Refuses anchors and aliases (content files never need them; they make shared, self-referencing or
    /// exponentially expanding trees: "billion laughs"), and bounds the depth and the number of nodes.</summary>
    private static (int Line, string Message)? CheckShape(string yaml)
    {
        var parser = new Parser(new StringReader(yaml));
        var (depth, nodes) = (0, 0);
        while (parser.MoveNext())
        {
            var line = (int)parser.Current!.Start.Line;
            switch (parser.Current)
            {
                case AnchorAlias alias:
                    return (line, $"Aliases (*{alias.Value}) are not accepted: write the value out.");
                case NodeEvent { Anchor.IsEmpty: false } anchored:
                    return (line, $"Anchors (&{anchored.Anchor}) are not accepted: write the value out.");
            }

            if (parser.Current is NodeEvent && ++nodes > MaxNodes)
            {
                return (line, $"The front matter has more than {MaxNodes} values.");
            }

            if (parser.Current is SequenceStart or MappingStart && ++depth > MaxDepth)
            {
                return (line, $"The front matter is nested more than {MaxDepth} levels deep.");
            }

            if (parser.Current is SequenceEnd or MappingEnd)
            {
                depth--;
            }
        }

        return null;
    }

    /// <summary>A key is a text: "? [a, b]: c" (a list as a key) has no meaning in a content file.</summary>
    private static string Key(YamlNode node) => node is YamlScalarNode scalar
        ? scalar.Value ?? ""
        : throw new YamlException(node.Start, node.End, "A key must be a text, not a list or a mapping.");

    private static JsonNode ToJson(YamlNode node) => node switch
    {
        YamlMappingNode mapping => ToJsonObject(mapping),
        YamlSequenceNode sequence => new JsonArray([.. sequence.Children.Select(ToJson)]),
        YamlScalarNode scalar => JsonValue.Create(scalar.Value ?? "")!,
        _ => JsonValue.Create("")!,
    };

    private static JsonObject ToJsonObject(YamlMappingNode mapping)
    {
        var json = new JsonObject();
        foreach (var (keyNode, value) in mapping.Children)
        {
            // Two spellings of one key ("a" and 'a') are two YAML nodes but one JSON name.
            if (!json.TryAdd(Key(keyNode), ToJson(value)))
            {
                throw new YamlException(keyNode.Start, keyNode.End, $"The key '{Key(keyNode)}' appears twice.");
            }
        }

        return json;
    }

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
