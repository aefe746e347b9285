using System.Text.RegularExpressions;
using Learning.Modules.Content;
using Learning.Modules.Core;
using Learning.Tests.Infrastructure;

namespace Learning.Tests.ShippedContent;

// Shipped content: these tests read the committed videos (src/Learning.Web/wwwroot/videos/) and the content files
// that name them; they need none of the tools that make the videos (tools/make-videos.sh).
/// <summary>Each video exists in each culture, named by that culture's file, with its poster, and all of them stay within
/// the budget.</summary>
public sealed partial class VideoFilesTests
{
    private static readonly string Videos = Path.Combine(Repository.Root, "src", "Learning.Web", "wwwroot", "videos");

    private static IEnumerable<(string Path, string Culture, string File)> NamedFiles() =>
        Directory.EnumerateFiles(Path.Combine(Repository.Root, "content"), "*.md", SearchOption.AllDirectories)
            .Select(path => (Path: path, Culture: CultureOfFile().Match(Path.GetFileName(path))))
            .Where(f => f.Culture.Success)
            .SelectMany(f => VideoFile().Matches(File.ReadAllText(f.Path)).Select(m => (f.Path, f.Culture.Groups[1].Value, m.Groups[1].Value)));

    [Fact]
    public void All_the_video_files_together_stay_within_the_budget_stated_in_tools()
    {
        var budget = long.Parse(Budget().Match(File.ReadAllText(Path.Combine(Repository.Root, "tools", "videos.yaml"))).Groups[1].Value);
        var total = Directory.EnumerateFiles(Videos).Sum(f => new FileInfo(f).Length);

        Assert.InRange(budget, 1, 64_000_000); // a budget that means something
        Assert.True(total <= budget, $"The videos take {total:N0} bytes, over the budget of {budget:N0} in tools/videos.yaml.");
    }

    [Fact]
    public void Each_culture_names_its_own_narrated_file_and_the_file_exists()
    {
        var named = NamedFiles().ToList();

        Assert.NotEmpty(named);
        foreach (var (path, culture, file) in named)
        {
            Assert.True(file.EndsWith($".{culture}.webm", StringComparison.Ordinal), $"{path} names {file}: a {culture} file names a .{culture}.webm video.");
            Assert.True(File.Exists(Path.Combine(Videos, file["/videos/".Length..])), $"{path} names {file}, which is missing.");
        }

        // The same video in every culture: each name has its six files, and no file is left that nothing names.
        foreach (var name in named.Select(n => n.File[..^".xx.webm".Length]).Distinct())
        {
            Assert.Equal(Cultures.All.Select(c => $"{name}.{c}.webm").Order(), named.Where(n => n.File.StartsWith(name + ".", StringComparison.Ordinal)).Select(n => n.File).Distinct().Order());
        }

        var files = Directory.EnumerateFiles(Videos, "*.webm").Select(f => "/videos/" + Path.GetFileName(f)).Order();
        Assert.Equal(files, named.Select(n => n.File).Distinct().Order());
    }

    [Fact]
    public void Each_video_has_its_poster_a_small_webp_picture_and_nothing_else_is_in_the_folder()
    {
        var videos = Directory.EnumerateFiles(Videos, "*.webm").Select(Path.GetFileNameWithoutExtension).Order().ToList();
        var posters = Directory.EnumerateFiles(Videos, "*.webp").Select(Path.GetFileNameWithoutExtension).Order().ToList();

        Assert.NotEmpty(videos);
        Assert.Equal(videos, posters);
        Assert.DoesNotContain(Directory.EnumerateFiles(Videos), f => Path.GetExtension(f) is not (".webm" or ".webp"));
        foreach (var poster in Directory.EnumerateFiles(Videos, "*.webp"))
        {
            var bytes = File.ReadAllBytes(poster);
            Assert.True(bytes.Length < 20_000, $"{poster} takes {bytes.Length:N0} bytes: a poster is a small picture.");
            Assert.Equal("RIFF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
            Assert.Equal("WEBP", System.Text.Encoding.ASCII.GetString(bytes, 8, 4));
        }
    }

    [Fact]
    public void The_manifest_of_the_video_tool_lists_every_file()
    {
        var manifest = File.ReadAllLines(Path.Combine(Repository.Root, "tools", "videos-manifest.tsv"))
            .Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.Split('\t')[0]).ToHashSet();

        Assert.All(Directory.EnumerateFiles(Videos, "*.webm"), f => Assert.Contains(Path.GetFileName(f), manifest));
    }

    [Fact]
    public void Subtitle_tracks_put_the_learners_culture_first_then_the_item_shown_in_its_place_then_the_others()
    {
        Assert.Equal(["hu", "fr", "en", "es", "ca", "it"], Video.TrackOrder(["en", "hu", "it", "fr", "es", "ca"], "hu", "hu"));
        // A part not yet in Hungarian: shown in French, whose subtitles come first; the others follow in the site's order.
        Assert.Equal(["fr", "en", "it"], Video.TrackOrder(["it", "en", "fr"], "hu", "fr"));
        Assert.Equal(["it", "fr", "en"], Video.TrackOrder(["en", "it", "fr"], "it", "fr"));
    }

    [GeneratedRegex(@"^(?:.*\.)?(fr|en|es|ca|it|hu)\.md$")]
    private static partial Regex CultureOfFile();

    [GeneratedRegex(@"^\s*(?:-\s+)?file:\s*""?(/videos/[^\s""]+)", RegexOptions.Multiline)]
    private static partial Regex VideoFile();

    [GeneratedRegex(@"^budget_bytes:\s*(\d+)", RegexOptions.Multiline)]
    private static partial Regex Budget();
}
