using System.Text.Json.Nodes;
using Learning.Modules.Content;

namespace Learning.Modules.Mooc;

/// <summary>A part of the MOOC as read from its version's fields (see content/README.md, "A MOOC part file"): its
/// introduction <see cref="Video"/>, and <see cref="Videos"/>, the further videos shown after it (0 to 3).</summary>
public sealed record MoocPart(
    IReadOnlyList<string> Objectives,
    Video Video,
    IReadOnlyList<Video> Videos,
    IReadOnlyList<string> Positioning,
    IReadOnlyList<Activity> Activities,
    DocumentBank Documents)
{
    public static MoocPart From(ContentFields fields) => new(
        fields.List("objectives"),
        Video.From(fields.Structure("video") as JsonObject),
        Objects(fields.Structure("videos")).Select(Video.From).ToList(),
        fields.List("positioning"),
        Objects(fields.Structure("activities")).Select(Activity.From).ToList(),
        DocumentBank.From(fields.Structure("documents") as JsonObject));

    internal static string Text(JsonObject o, string name) => o[name] is JsonValue v ? v.GetValue<string>() : "";

    internal static string? Optional(JsonObject o, string name) => o[name] is JsonValue v && v.GetValue<string>() is { Length: > 0 } text ? text : null;

    internal static List<string> Texts(JsonNode? node) => (node as JsonArray ?? []).OfType<JsonValue>().Select(v => v.GetValue<string>()).ToList();

    internal static IEnumerable<JsonObject> Objects(JsonNode? node) => (node as JsonArray ?? []).OfType<JsonObject>();
}

/// <summary>A formative activity: a quiz, a persona case study, a photo-story or a recipe card.</summary>
public sealed record Activity(
    string Id,
    string Kind,
    string Title,
    string Intro,
    Persona? Persona,
    IReadOnlyList<Panel> Panels,
    IReadOnlyList<string> Ingredients,
    IReadOnlyList<string> Steps,
    string? Tip,
    string? Practice,
    IReadOnlyList<FormativeQuestion> Questions)
{
    public static readonly string[] Kinds = ["quiz", "case", "story", "recipe"];

    /// <summary>What the learner answers: a story's choices are its panels' questions.</summary>
    public IReadOnlyList<FormativeQuestion> AllQuestions => Kind == "story" ? Panels.Select(p => p.Question).ToList() : Questions;

    public static Activity From(JsonObject o) => new(
        MoocPart.Text(o, "id"),
        MoocPart.Text(o, "kind"),
        MoocPart.Text(o, "title"),
        MoocPart.Text(o, "intro"),
        o["persona"] is JsonObject persona ? new Persona(MoocPart.Text(persona, "name"), MoocPart.Texts(persona["facts"])) : null,
        MoocPart.Objects(o["panels"]).Select(p => new Panel(MoocPart.Text(p, "scene"), MoocPart.Optional(p, "picture"), MoocPart.Text(p, "text"), FormativeQuestion.From(p["question"] as JsonObject))).ToList(),
        MoocPart.Texts(o["ingredients"]),
        MoocPart.Texts(o["steps"]),
        MoocPart.Optional(o, "tip"),
        MoocPart.Optional(o, "practice"),
        MoocPart.Objects(o["questions"]).Select(FormativeQuestion.From).ToList());
}

public sealed record Persona(string Name, IReadOnlyList<string> Facts);

/// <summary>A step of a photo-story: what the picture shows, what happens, and the choice to make.</summary>
public sealed record Panel(string Scene, string? Picture, string Text, FormativeQuestion Question);

/// <summary>A formative question: right when exactly the correct choices are ticked (one or several).</summary>
public sealed record FormativeQuestion(string Prompt, IReadOnlyList<FormativeChoice> Choices)
{
    public bool Multiple => Choices.Count(c => c.Correct) > 1;

    public bool IsRight(IReadOnlyCollection<int> ticked) =>
        ticked.Count > 0 && Choices.Select((c, i) => c.Correct == ticked.Contains(i)).All(same => same);

    public static FormativeQuestion From(JsonObject? o) => new(
        o is null ? "" : MoocPart.Text(o, "prompt"),
        MoocPart.Objects(o?["choices"]).Select(c => new FormativeChoice(MoocPart.Text(c, "text"), MoocPart.Text(c, "correct") == "true", MoocPart.Text(c, "feedback"))).ToList());
}

public sealed record FormativeChoice(string Text, bool Correct, string Feedback);

/// <summary>The part's document bank: legislation, reference services, and toolbox practices (by set id).</summary>
public sealed record DocumentBank(IReadOnlyList<Document> Legislation, IReadOnlyList<Document> Services, IReadOnlyList<string> Practices)
{
    public static DocumentBank From(JsonObject? o) => new(
        MoocPart.Objects(o?["legislation"]).Select(Document.From).ToList(),
        MoocPart.Objects(o?["services"]).Select(Document.From).ToList(),
        MoocPart.Texts(o?["practices"]));
}

/// <summary>A document of the bank; a reference service may name its entry of the glossary (<c>glossary: actiris</c>).</summary>
public sealed record Document(string Title, string Note, string? Url, string? Glossary = null)
{
    public static Document From(JsonObject o) => new(MoocPart.Text(o, "title"), MoocPart.Text(o, "note"), MoocPart.Optional(o, "url"), MoocPart.Optional(o, "glossary"));
}
