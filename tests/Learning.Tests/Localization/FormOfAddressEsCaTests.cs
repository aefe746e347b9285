using System.Text.RegularExpressions;
using System.Xml.Linq;
using Learning.Tests.Infrastructure;

namespace Learning.Tests.Localization;

/// <summary>
/// The platform addresses the reader one way per culture (content/README.md, "Language"): es "tú", ca "tu".
/// Every text of these cultures — practice sheets, tutorials, MOOC parts, validation banks and the interface
/// strings — is free of the markers of formal address that cannot occur in a tú/tu text: the pronouns
/// themselves, matched as whole words in any case. Every line is read, the videos' cues (what the voice says) and the
/// document banks included.
/// </summary>
public sealed class FormOfAddressEsCaTests
{
    private static readonly string Root = Repository.Root;

    private static readonly Dictionary<string, string[]> Markers = new()
    {
        // "usted" / "ustedes" only ever address someone formally; "su", "le" or "puede" are also third person.
        ["es"] = ["usted", "ustedes"],
        // "vostè" / "vostès" / "vós" are only ever formal pronouns; "us", "seu" or "pot" are not markers.
        ["ca"] = ["vostè", "vostès", "vós"],
    };

    public static TheoryData<string> Cultures => ["es", "ca"];

    [Theory]
    [MemberData(nameof(Cultures))]
    public void No_content_file_or_interface_string_addresses_the_reader_formally(string culture)
    {
        var marker = Marker(culture);
        var texts = ContentTexts(culture).Concat(InterfaceStrings(culture)).ToList();
        Assert.True(texts.Count > 60, $"Only {texts.Count} texts found for {culture}: the file patterns are wrong.");

        var found = texts
            .SelectMany(t => marker.Matches(t.Text).Select(m => $"{t.Where}: «{m.Value}» in “{Excerpt(t.Text, m.Index)}”"))
            .ToList();

        Assert.True(found.Count == 0, $"Formal address in {culture} ({found.Count}):\n" + string.Join("\n", found));
    }

    [Fact]
    public void The_markers_are_found_as_whole_words_in_any_case()
    {
        Assert.Empty(Marker("es").Matches("sustedes ustedesa"));
        Assert.Equal(2, Marker("es").Matches("¿Qué puede hacer Usted? Ustedes y su público.").Count);
        Assert.Equal(["Vostè", "vós"], Marker("ca").Matches("Vostè pot triar; vós, no; us ho diem.").Select(m => m.Value));
    }

    private static Regex Marker(string culture) =>
        new(@"\b(" + string.Join("|", Markers[culture].Select(Regex.Escape)) + @")\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private sealed record Passage(string Where, string Text);

    private static IEnumerable<Passage> ContentTexts(string culture)
    {
        var toolbox = Path.Combine(Root, "content", "toolbox");
        var mooc = Path.Combine(Root, "content", "mooc");
        var files = Directory.GetFiles(toolbox, $"{culture}.md", SearchOption.AllDirectories)
            .Concat(Directory.GetFiles(toolbox, $"tutorial.{culture}.md", SearchOption.AllDirectories))
            .Concat(Directory.GetFiles(mooc, $"part.{culture}.md", SearchOption.AllDirectories))
            .Concat(Directory.GetFiles(mooc, $"validation.{culture}.gift", SearchOption.AllDirectories))
            .Concat(Directory.GetFiles(Path.Combine(Root, "content", "glossary"), $"glossary.{culture}.md", SearchOption.AllDirectories));
        foreach (var file in files.Order())
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                yield return new Passage($"{Path.GetRelativePath(Root, file)}:{i + 1}", lines[i]);
            }
        }
    }

    private static IEnumerable<Passage> InterfaceStrings(string culture) =>
        Directory.GetFiles(Path.Combine(Root, "src"), $"*.{culture}.resx", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .Order()
            .SelectMany(file => XDocument.Load(file).Root!.Elements("data")
                .Select(d => new Passage($"{Path.GetRelativePath(Root, file)} [{d.Attribute("name")!.Value}]", d.Element("value")?.Value ?? "")));

    private static string Excerpt(string text, int index)
    {
        var start = Math.Max(0, index - 40);
        return text.Substring(start, Math.Min(text.Length - start, 100)).Trim();
    }
}
