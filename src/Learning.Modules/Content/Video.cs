using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Learning.Modules.Core;

namespace Learning.Modules.Content;

/// <summary>
/// A video with its subtitles in one culture, as an item's fields hold it (see content/README.md): a title,
/// a file on this site (without one, readers get the transcript alone) and the cues of that culture.
/// </summary>
public sealed record Video(string Title, string? File, IReadOnlyList<Cue> Cues)
{
    public static Video From(JsonObject? o) => new(
        Text(o, "title"),
        Text(o, "file") is { Length: > 0 } file ? file : null,
        (o?["cues"] as JsonArray ?? []).OfType<JsonObject>().Select(c => new Cue(Text(c, "start"), Text(c, "end"), Text(c, "text"))).ToList());

    /// <summary>A title, and cues that each have a text and start before they end.</summary>
    public bool HasTitleAndValidCues => Title.Length > 0 && Cues.Count > 0 && Cues.All(c => c.IsValid);

    /// <summary>No file, or an address on this site (/media/…, /videos/…): never another site's.</summary>
    public bool FileIsOnThisSite => File is null || (File.StartsWith('/') && !File.StartsWith("//"));

    /// <summary>The order of a video's subtitle tracks: the learner's culture first (the default track), then the
    /// item's own culture when it is shown in place of a missing translation, then the others in the site's order.</summary>
    public static IReadOnlyList<string> TrackOrder(IEnumerable<string> translations, string learnerCulture, string itemCulture)
    {
        var available = translations.ToList();
        return available.OrderBy(c => c == learnerCulture ? 0 : c == itemCulture ? 1 : 2)
            .ThenBy(c => Cultures.All.ToList().IndexOf(c)).ToList();
    }

    /// <summary>The cues as a WebVTT subtitles file.</summary>
    public string ToWebVtt()
    {
        var vtt = new StringBuilder("WEBVTT\n");
        foreach (var (cue, index) in Cues.Select((c, i) => (c, i)))
        {
            vtt.Append('\n').Append(index + 1).Append('\n').Append(cue.Start).Append(" --> ").Append(cue.End).Append('\n').Append(cue.Text.Replace("-->", "->")).Append('\n');
        }

        return vtt.ToString();
    }

    private static string Text(JsonObject? o, string name) => o?[name] is JsonValue v ? v.GetValue<string>() : "";
}

/// <summary>What the shared player (Content/Views/_VideoWithTranscript.cshtml) draws: the video, the ids of its title and
/// of its test hook, its subtitle tracks in order (culture and address), and the reader's culture with the word for
/// "Transcript" in it, from the page's own strings.</summary>
public sealed record VideoWithTranscript(Video Video, string TitleId, string TestId, IReadOnlyList<(string Culture, string Subtitles)> Tracks, string Culture, string Transcript)
{
    public const string View = "/Content/Views/_VideoWithTranscript.cshtml";
}

/// <summary>A subtitle: its times, written 00:00:00.000, and its text.</summary>
public sealed partial record Cue(string Start, string End, string Text)
{
    public bool IsValid => Timestamp().IsMatch(Start) && Timestamp().IsMatch(End) && string.CompareOrdinal(Start, End) < 0 && Text.Length > 0;

    [GeneratedRegex(@"^\d{2}:\d{2}:\d{2}\.\d{3}$")]
    private static partial Regex Timestamp();
}
