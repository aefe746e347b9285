using System.Text.RegularExpressions;
using Learning.Modules.Content;

namespace Learning.Modules.Mooc;

/// <summary>The "mooc-part" content type: a part of the MOOC or its final self-assessment, in content/mooc/&lt;part&gt;/part.fr.md….</summary>
public sealed partial class MoocPartType : IContentType
{
    public const string TypeName = "mooc-part";

    public const string SelfAssessment = "self-assessment";

    /// <summary>The content type of the sets that an activity's "practice" and the documents' "practices" name: a
    /// word of the part's file format (content/README.md), so the MOOC uses none of the toolbox's code. Without a
    /// registered type of that name, the links are left out.</summary>
    public const string LinkedPracticeType = "practice";

    /// <summary>How many videos a part may show after its introduction video ("videos:").</summary>
    public const int MoreVideos = 3;

    public string Name => TypeName;

    public string Folder => "mooc";

    public string FilePrefix => "part.";

    public string EditorPage => "editor/mooc-part";

    public Type Strings => typeof(MoocStrings);

    public string DisplayName => "mooc-part";

    public string NewItemText => "New MOOC part";

    public string ReaderPath(string setId, string slug) => $"mooc/{setId}";

    public IReadOnlyList<string> FieldKeys { get; } = ["objectives", "video", "videos", "positioning", "activities", "documents"];

    public IReadOnlyList<string> TranslatableKeys => FieldKeys;

    public IReadOnlySet<string> FixedProperties { get; } = new HashSet<string> { "id", "kind", "correct", "url", "picture", "file", "start", "end", "practice", "practices", "glossary" };

    public void Validate(ContentFile file, ICollection<ContentImportError> errors)
    {
        void Error(string key, string message) => errors.Add(new(file.Path, file.LineOf(key), message));

        if (string.IsNullOrWhiteSpace(file.Value("summary")))
        {
            Error("summary", "'summary' is required.");
        }

        if (file.Value("set") is { } set && !PartSet().IsMatch(set))
        {
            Error("set", "A MOOC part's set is part-1 to part-9, or self-assessment.");
        }

        var part = MoocPart.From(ContentFields.Parse(ContentFields.ToJson(file, FieldKeys)));
        if (part.Objectives.Count is < 1 or > 6 || part.Objectives.Any(string.IsNullOrWhiteSpace))
        {
            Error("objectives", "A part needs 1 to 6 objectives.");
        }

        if (!part.Video.HasTitleAndValidCues)
        {
            Error("video", "The video needs a title and cues whose start comes before their end, both written 00:00:00.000.");
        }

        if (!part.Video.FileIsOnThisSite)
        {
            Error("video", $"The video file '{part.Video.File}' must be an address on this site, such as /media/… or /videos/….");
        }

        if (part.Videos.Count > MoreVideos || part.Videos.Any(v => !v.HasTitleAndValidCues))
        {
            Error("videos", $"A part has at most {MoreVideos} further videos, each with a title and cues whose start comes before their end, both written 00:00:00.000.");
        }

        if (part.Videos.FirstOrDefault(v => !v.FileIsOnThisSite) is { } elsewhere)
        {
            Error("videos", $"The video file '{elsewhere.File}' must be an address on this site, such as /media/… or /videos/….");
        }

        if (part.Positioning.Count > 3 || part.Positioning.Any(string.IsNullOrWhiteSpace))
        {
            Error("positioning", "A part has at most 3 positioning statements.");
        }

        var ids = part.Activities.Select(a => a.Id).ToList();
        if (part.Activities.Count == 0 || ids.Distinct().Count() != ids.Count)
        {
            Error("activities", "A part needs activities, each with its own id.");
        }

        foreach (var activity in part.Activities)
        {
            foreach (var problem in Problems(activity))
            {
                Error("activities", $"Activity '{activity.Id}': {problem}");
            }
        }

        var documents = part.Documents.Legislation.Concat(part.Documents.Services).ToList();
        if (documents.Any(d => d.Title.Length == 0 || d.Note.Length == 0))
        {
            Error("documents", "Each document needs a title and a note.");
        }

        foreach (var url in documents.Select(d => d.Url).OfType<string>().Where(u => !Uri.TryCreate(u, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps))
        {
            Error("documents", $"The address '{url}' must start with https://.");
        }

        foreach (var id in documents.Select(d => d.Glossary).OfType<string>().Where(id => !ActivityId().IsMatch(id)))
        {
            Error("documents", $"The glossary entry '{id}' must be an id of the glossary: lower-case letters, digits and dashes.");
        }

        foreach (var key in new[] { "video", "videos", "activities", "documents" }.Where(k => file.Values.ContainsKey(k) || file.Lists.ContainsKey(k)))
        {
            Error(key, $"'{key}' must be structured as in content/README.md.");
        }
    }

    private static IEnumerable<string> Problems(Activity activity)
    {
        if (!ActivityId().IsMatch(activity.Id))
        {
            yield return "the id must be lower-case letters, digits and dashes.";
        }

        if (!Activity.Kinds.Contains(activity.Kind))
        {
            yield return $"the kind must be one of {string.Join(", ", Activity.Kinds)}.";
            yield break;
        }

        if (activity.Title.Length == 0 || activity.Intro.Length == 0)
        {
            yield return "it needs a title and an intro.";
        }

        var (fewest, most) = activity.Kind switch { "quiz" => (1, 6), "case" => (1, 5), "recipe" => (0, 3), _ => (0, 0) };
        if (activity.Questions.Count < fewest || activity.Questions.Count > most)
        {
            yield return $"a {activity.Kind} has {fewest} to {most} questions.";
        }

        if ((activity.Kind == "case") != (activity.Persona is not null) || activity.Persona is { } persona && (persona.Name.Length == 0 || persona.Facts.Count == 0))
        {
            yield return "a case, and only a case, has a persona with a name and facts.";
        }

        if (activity.Kind == "story" ? activity.Panels.Count is < 3 or > 6 : activity.Panels.Count > 0)
        {
            yield return "a story, and only a story, has 3 to 6 panels.";
        }

        if (activity.Panels.Any(p => p.Scene.Length == 0 || p.Text.Length == 0 || p.Picture is { } picture && !OnThisSite(picture)))
        {
            yield return "each panel needs a scene and a text; its picture is an address on this site.";
        }

        if (activity.Kind == "recipe" && (activity.Ingredients.Count is < 1 or > 8 || activity.Steps.Count is < 2 or > 10))
        {
            yield return "a recipe card has 1 to 8 ingredients and 2 to 10 steps.";
        }

        if (activity.AllQuestions.Any(q => q.Prompt.Length == 0 || q.Choices.Count is < 2 or > 5 || !q.Choices.Any(c => c.Correct) || q.Choices.Any(c => c.Text.Length == 0 || c.Feedback.Length == 0)))
        {
            yield return "each question needs a prompt and 2 to 5 choices, at least one correct, each with a text and a feedback.";
        }
    }

    private static bool OnThisSite(string address) => address.StartsWith('/') && !address.StartsWith("//");

    [GeneratedRegex("^(part-[1-9]|self-assessment)$")]
    private static partial Regex PartSet();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$")]
    private static partial Regex ActivityId();
}
