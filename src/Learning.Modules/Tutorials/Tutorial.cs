using System.Text.Json.Nodes;
using Learning.Modules.Content;

namespace Learning.Modules.Tutorials;

/// <summary>A tutorial's parts, read from its version's fields (see content/README.md, "A tutorial file").</summary>
public sealed record Tutorial(MindMap MindMap, IReadOnlyList<TimelineStep> Timeline, IReadOnlyList<Actor> Actors, IReadOnlyList<ActorLink> Links, IReadOnlyList<Testimonial> Testimonials, IReadOnlyList<Video> Videos)
{
    public static Tutorial From(ContentFields fields) => new(
        MindMap.From(fields.Structure("mind_map") as JsonObject),
        Items(fields, "timeline", o => new TimelineStep(Text(o, "when"), Text(o, "title"), Text(o, "what"), Text(o, "who"))),
        Items(fields, "actors", o => new Actor(Text(o, "id"), Text(o, "name"), Text(o, "role"), Text(o, "does"))),
        Items(fields, "links", o => new ActorLink(Text(o, "from"), Text(o, "to"), Text(o, "label"))),
        Items(fields, "testimonials", o => new Testimonial(Text(o, "quote"), Text(o, "who"), Text(o, "illustrative") == "true", o["media"]?.GetValue<string>())),
        Items(fields, "videos", Video.From));

    internal static string Text(JsonObject o, string name) => o[name] is JsonValue v ? v.GetValue<string>() : "";

    private static List<T> Items<T>(ContentFields fields, string key, Func<JsonObject, T> read) =>
        (fields.Structure(key) as JsonArray ?? []).OfType<JsonObject>().Select(read).ToList();
}

public sealed record MindMap(string Centre, IReadOnlyList<Branch> Branches)
{
    public static MindMap From(JsonObject? o) => new(
        o is null ? "" : Tutorial.Text(o, "centre"),
        (o?["branches"] as JsonArray ?? []).OfType<JsonObject>()
            .Select(b => new Branch(Tutorial.Text(b, "label"), (b["leaves"] as JsonArray ?? []).Select(l => l!.GetValue<string>()).ToList()))
            .ToList());
}

public sealed record Branch(string Label, IReadOnlyList<string> Leaves);

public sealed record TimelineStep(string When, string Title, string What, string Who);

/// <summary>An organisation or group of the project and what it does: funds, coordinates, delivers, is a partner, or is reached.</summary>
public sealed record Actor(string Id, string Name, string Role, string Does);

public sealed record ActorLink(string From, string To, string Label);

/// <summary>What a stakeholder or beneficiary says; <see cref="Media"/> is an optional photo, sound or video of
/// them (an address on the site, such as /media/…), shown by its kind.</summary>
public sealed record Testimonial(string Quote, string Who, bool Illustrative, string? Media)
{
    public string? MediaKind => Media is null ? null : Path.GetExtension(Media).ToLowerInvariant() switch
    {
        ".jpg" or ".jpeg" or ".png" or ".webp" => "image",
        ".mp3" or ".ogg" or ".opus" or ".m4a" => "audio",
        ".mp4" or ".webm" => "video",
        _ => null,
    };
}
