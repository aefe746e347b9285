using System.Text.RegularExpressions;
using Learning.Modules.Core;
using Learning.Tests.Infrastructure;
using YamlDotNet.Serialization;

namespace Learning.Tests.ShippedContent;

// Shipped content: these tests read content/toolbox itself, so that a mistake in the platform's own files fails here.
/// <summary>
/// The toolbox's files keep the format of content/README.md until the content engine imports them:
/// every practice in the six cultures, consistent ids, unique slugs, the body's sections in order.
/// </summary>
public sealed partial class ContentFilesTests
{
    private static readonly string Toolbox = Path.Combine(Repository.Root, "content", "toolbox");

    private static readonly Dictionary<string, string[]> Vocabularies = new()
    {
        ["target_publics"] = ["jobseekers", "young-people-neet", "long-term-unemployed", "low-qualified-adults", "newcomers", "women", "seniors", "people-with-disabilities", "digitally-excluded", "professionals"],
        ["themes"] = ["outreach", "guidance", "skills-validation", "digital-inclusion", "employer-engagement", "mentoring", "training", "networking", "remobilisation", "wellbeing", "partnership", "recognition-of-skills"],
        ["action_types"] = ["information-desk", "workshop", "individual-support", "group-support", "event", "training-course", "online-tool", "mobile-service", "method", "work-placement"],
    };

    private static IReadOnlyList<string> Sets => Directory.GetDirectories(Toolbox).Select(d => Path.GetFileName(d)).Order().ToList();

    public static TheoryData<string> Practices => [.. Sets];

    [Fact]
    public void The_toolbox_holds_at_least_sixteen_practices()
    {
        Assert.True(Sets.Count >= 16, $"Only {Sets.Count} practices.");
    }

    [Theory]
    [MemberData(nameof(Practices))]
    public void Each_practice_exists_in_the_six_cultures_with_the_same_facets_and_valid_fields(string set)
    {
        var files = Cultures.All.ToDictionary(c => c, c => Read(Path.Combine(Toolbox, set, c + ".md")));

        foreach (var (culture, (front, body)) in files)
        {
            Assert.Equal("practice", front["type"]);
            Assert.Equal(set, front["set"]);
            Assert.Equal(culture, front["culture"]);
            Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", (string)front["slug"]);
            Assert.InRange(((string)front["summary"]).Length, 20, 300);
            Assert.False(string.IsNullOrWhiteSpace((string)front["title"]));
            foreach (var (field, allowed) in Vocabularies)
            {
                var ids = List(front, field);
                Assert.True(ids.Count > 0, $"{set}.{culture}: no {field}.");
                Assert.All(ids, id => Assert.Contains(id, allowed));
            }

            var headings = Heading().Matches(body).Select(m => m.Groups[1].Value).ToList();
            Assert.Equal(7, headings.Count);
            Assert.Equal(["##", "##", "###", "###", "###", "##", "##"], Heading().Matches(body).Select(m => m.Value.Split(' ')[0]).ToList());
        }

        foreach (var field in Vocabularies.Keys.Append("related"))
        {
            Assert.Single(files.Values.Select(f => string.Join(",", List(f.Front, field))).Distinct());
        }

        // Translations, not copies.
        Assert.True(files.Values.Select(f => (string)f.Front["summary"]).Distinct().Count() == Cultures.All.Count, $"{set}: summaries repeat across cultures.");
    }

    [Fact]
    public void Related_practices_are_practices_of_the_toolbox()
    {
        var related = Sets.SelectMany(set => Cultures.All.SelectMany(culture => List(Read(Path.Combine(Toolbox, set, culture + ".md")).Front, "related").Select(id => (set, id)))).ToList();

        Assert.NotEmpty(related);
        Assert.All(related, r => Assert.True(Directory.Exists(Path.Combine(Toolbox, r.id)), $"{r.set}: unknown related {r.id}"));
    }

    [Fact]
    public void Slugs_are_unique_within_each_culture()
    {
        foreach (var culture in Cultures.All)
        {
            var slugs = Sets.Select(set => (string)Read(Path.Combine(Toolbox, set, culture + ".md")).Front["slug"]).ToList();
            Assert.NotEmpty(slugs);
            Assert.Equal(slugs.Count, slugs.Distinct().Count());
        }
    }

    private static (Dictionary<string, object> Front, string Body) Read(string file)
    {
        Assert.True(File.Exists(file), $"Missing {file}");
        var match = FrontMatter().Match(File.ReadAllText(file));
        Assert.True(match.Success, $"{file} has no YAML front matter.");
        var front = new DeserializerBuilder().Build().Deserialize<Dictionary<string, object>>(match.Groups[1].Value);
        return (front, match.Groups[2].Value);
    }

    private static List<string> List(Dictionary<string, object> front, string field) =>
        front.TryGetValue(field, out var value) && value is List<object> items ? items.Select(i => i.ToString()!).ToList() : [];

    [GeneratedRegex(@"\A---\n(.*?)\n---\n(.*)\z", RegexOptions.Singleline)]
    private static partial Regex FrontMatter();

    [GeneratedRegex(@"^#{2,3} (.+)$", RegexOptions.Multiline)]
    private static partial Regex Heading();
}
