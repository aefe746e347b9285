using System.Text;
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
                    errors.Add(new(path, file.Lines[key], $"'{key}' must be a text or a list of texts."));
                    break;
            }
        }

        return file;
    }

    /// <summary>Writes the file back in the same format (the export of a version).</summary>
    public static string Format(IEnumerable<(string Key, object Value)> front, string body)
    {
        var text = new StringBuilder("---\n");
        foreach (var (key, value) in front)
        {
            text.Append(key).Append(": ").Append(value switch
            {
                IEnumerable<string> list => "[" + string.Join(", ", list.Select(Quote)) + "]",
                _ => Quote(value.ToString() ?? ""),
            }).Append('\n');
        }

        return text.Append("---\n\n").Append(body.Trim('\n')).Append('\n').ToString();
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
