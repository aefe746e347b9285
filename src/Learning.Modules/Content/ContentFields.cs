using System.Text.Json;
using System.Text.Json.Nodes;

namespace Learning.Modules.Content;

/// <summary>A version's structured fields (texts and lists of texts), stored as a JSON object.</summary>
public sealed class ContentFields
{
    private readonly JsonObject json;

    private ContentFields(JsonObject json) => this.json = json;

    public static ContentFields Parse(string json) => new(JsonNode.Parse(json) as JsonObject ?? []);

    public static string ToJson(ContentFile file, IEnumerable<string> keys)
    {
        var json = new JsonObject();
        foreach (var key in keys)
        {
            if (file.Lists.TryGetValue(key, out var list))
            {
                json[key] = new JsonArray([.. list.Select(v => JsonValue.Create(v))]);
            }
            else if (file.Values.TryGetValue(key, out var value))
            {
                json[key] = value;
            }
            else if (file.Structures.TryGetValue(key, out var structure))
            {
                json[key] = structure.DeepClone();
            }
        }

        return json.ToJsonString();
    }

    public string? Text(string key) => json[key] is JsonValue value ? value.GetValue<string>() : null;

    public IReadOnlyList<string> List(string key) =>
        json[key] is JsonArray array && array.All(v => v is JsonValue) ? array.Select(v => v!.GetValue<string>()).ToList() : [];

    /// <summary>A structured field, such as a tutorial's mind map.</summary>
    public JsonNode? Structure(string key) => json[key];

    /// <summary>Every value, for the search index.</summary>
    public IEnumerable<string> AllValues() => json.Select(p => p.Value).SelectMany(Texts);

    private static IEnumerable<string> Texts(JsonNode? node) => node switch
    {
        JsonArray array => array.SelectMany(Texts),
        JsonObject obj => obj.Select(p => p.Value).SelectMany(Texts),
        JsonValue value => [value.GetValue<string>()],
        _ => [],
    };

    /// <summary>The fields in the given order, as the export writes them.</summary>
    public IEnumerable<(string Key, object Value)> InOrder(IEnumerable<string> keys) => keys
        .Where(json.ContainsKey)
        .Select(k => (k, json[k] switch
        {
            JsonArray array when array.All(v => v is JsonValue) => (object)List(k),
            JsonValue => Text(k)!,
            var structure => structure!.DeepClone(),
        }));

    public override string ToString() => json.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
}
