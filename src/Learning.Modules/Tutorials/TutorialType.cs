using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Learning.Modules.Content;

namespace Learning.Modules.Tutorials;

/// <summary>The "tutorial" content type: how a practice was built, beside the practice in content/ (tutorial.fr.md…).</summary>
public sealed partial class TutorialType : IContentType
{
    public const string TypeName = "tutorial";

    public static readonly string[] Roles = ["funds", "coordinates", "delivers", "partner", "reached"];

    public string Name => TypeName;

    public string Folder => "toolbox";

    public string FilePrefix => "tutorial.";

    public string EditorPage => "editor/tutorial";

    public Type Strings => typeof(TutorialsStrings);

    public string DisplayName => "tutorial";

    public string NewItemText => "New tutorial";

    public string ReaderPath(string setId, string slug) => $"tutorials/{slug}";

    public string? CompanionLinkText => "See how it was built (tutorial)";

    public IReadOnlyList<string> FieldKeys { get; } = ["mind_map", "timeline", "actors", "links", "testimonials", "videos"];

    public IReadOnlyList<string> TranslatableKeys => FieldKeys;

    public IReadOnlySet<string> FixedProperties { get; } = new HashSet<string> { "id", "role", "from", "to", "start", "end", "illustrative", "file", "media" };

    public void Validate(ContentFile file, ICollection<ContentImportError> errors)
    {
        void Error(string key, string message) => errors.Add(new(file.Path, file.LineOf(key), message));

        if (string.IsNullOrWhiteSpace(file.Value("summary")))
        {
            Error("summary", "'summary' is required.");
        }

        var tutorial = Tutorial.From(ContentFields.Parse(ContentFields.ToJson(file, FieldKeys)));
        var map = tutorial.MindMap;
        if (map.Centre is not { Length: > 0 and <= 40 })
        {
            Error("mind_map", "The mind map needs a centre of at most 40 characters.");
        }

        if (map.Branches.Count is < 3 or > 6 || map.Branches.Any(b => b.Label is not { Length: > 0 and <= 40 } || b.Leaves.Count is < 1 or > 5 || b.Leaves.Any(l => l.Length is 0 or > 60)))
        {
            Error("mind_map", "The mind map needs 3 to 6 branches with a label of at most 40 characters and 1 to 5 leaves of at most 60 characters.");
        }

        if (tutorial.Timeline.Count is < 1 or > 10 || tutorial.Timeline.Any(t => t.When.Length == 0 || t.Title.Length == 0))
        {
            Error("timeline", "The timeline needs 1 to 10 steps, each with 'when' and 'title'.");
        }

        var ids = tutorial.Actors.Select(a => a.Id).ToList();
        if (tutorial.Actors.Count is < 1 or > 10 || tutorial.Actors.Any(a => !Identifier().IsMatch(a.Id) || a.Name.Length == 0 || !Roles.Contains(a.Role)) || ids.Distinct().Count() != ids.Count)
        {
            Error("actors", $"The actors need 1 to 10 entries with a unique id (lower-case letters, digits, dashes), a name and a role among {string.Join(", ", Roles)}.");
        }

        foreach (var link in tutorial.Links.Where(l => !ids.Contains(l.From) || !ids.Contains(l.To)))
        {
            Error("links", $"The link from '{link.From}' to '{link.To}' names an actor that does not exist.");
        }

        if (tutorial.Testimonials.Count > 5 || tutorial.Testimonials.Any(t => t.Quote.Length == 0 || t.Who.Length == 0))
        {
            Error("testimonials", "Each testimonial needs a quote and who says it (at most 5).");
        }

        foreach (var testimonial in tutorial.Testimonials.Where(t => t.Media is not null && (t.MediaKind is null || !t.Media.StartsWith('/') || t.Media.StartsWith("//"))))
        {
            Error("testimonials", $"The testimonial's media '{testimonial.Media}' must be an image, a sound or a video on this site, such as /media/….");
        }

        if (tutorial.Videos.Count is < 1 or > 3)
        {
            Error("videos", "A tutorial has 1 to 3 videos (a video without a file shows its transcript).");
        }

        foreach (var video in tutorial.Videos)
        {
            if (!video.HasTitleAndValidCues)
            {
                Error("videos", $"The video '{video.Title}' needs a title and cues whose start comes before their end, both written 00:00:00.000.");
            }

            if (!video.FileIsOnThisSite)
            {
                Error("videos", $"The video file '{video.File}' must be an address on this site, such as /media/… or /videos/….");
            }
        }

        foreach (var key in FieldKeys.Where(k => file.Values.ContainsKey(k) || file.Lists.ContainsKey(k)))
        {
            Error(key, $"'{key}' must be structured as in content/README.md.");
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$")]
    private static partial Regex Identifier();
}
