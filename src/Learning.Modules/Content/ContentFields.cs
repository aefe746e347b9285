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
        }

        return json.ToJsonString();
    }

    public string? Text(string key) => json[key] is JsonValue value ? value.GetValue<string>() : null;

    public IReadOnlyList<string> List(string key) =>
        json[key] is JsonArray array ? array.Select(v => v!.GetValue<string>()).ToList() : [];

    /// <summary>Every value, for the search index.</summary>
    public IEnumerable<string> AllValues() => json.Select(p => p.Value).SelectMany(v => v switch
    {
        JsonArray array => array.Select(a => a!.GetValue<string>()),
        JsonValue value => [value.GetValue<string>()],
        _ => [],
    });

    /// <summary>The fields in the given order, as the export writes them.</summary>
    public IEnumerable<(string Key, object Value)> InOrder(IEnumerable<string> keys) => keys
        .Where(json.ContainsKey)
        .Select(k => (k, json[k] is JsonArray ? (object)List(k) : Text(k)!));

    public override string ToString() => json.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
}
