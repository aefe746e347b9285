using System.Text.RegularExpressions;
using System.Xml.Linq;
using Learning.Tests.Infrastructure;

namespace Learning.Tests.Localization;

/// <summary>
/// The platform addresses the reader one way per culture (content/README.md, "Language"): es "tú", ca "tu".
/// Every text of these cultures — practice sheets, tutorials, MOOC parts, validation banks and the interface
/// strings — is free of the markers of formal address that cannot occur in a tú/tu text: the pronouns
/// themselves, matched as whole words in any case. The parts' <c>video:</c> and <c>documents:</c> blocks are
/// skipped for now (they are being rewritten separately).
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
        var marker = new Regex(@"\b(" + string.Join("|", Markers[culture].Select(Regex.Escape)) + @")\b",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        var texts = ContentTexts(culture).Concat(InterfaceStrings(culture)).ToList();
        Assert.True(texts.Count > 60, $"Only {texts.Count} texts found for {culture}: the file patterns are wrong.");

        var found = texts
            .SelectMany(t => marker.Matches(t.Text).Select(m => $"{t.Where}: «{m.Value}» in “{Excerpt(t.Text, m.Index)}”"))
            .ToList();

        Assert.True(found.Count == 0, $"Formal address in {culture} ({found.Count}):\n" + string.Join("\n", found));
    }

    [Fact]
    public void The_check_finds_a_marker_and_skips_only_the_video_and_documents_blocks_of_parts()
    {
        var part = string.Join("\n",
            "---", "type: mooc-part", "title: \"¿Qué puede hacer usted?\"",
            "video:", "  title: \"Usted y su público\"", "  cues:", "    - { text: \"Ustedes\" }",
            "activities:", "  - prompt: \"Consulte con usted mismo\"",
            "documents:", "  legislation:", "    - note: \"usted\"",
            "status: published", "---", "Texto final sin marcador.");

        var kept = string.Join("\n", WithoutPartBlocks(part.Split('\n')).Select(l => l.Text));

        Assert.Contains("title: \"¿Qué puede hacer usted?\"", kept);
        Assert.Contains("prompt: \"Consulte con usted mismo\"", kept);
        Assert.Contains("status: published", kept);
        Assert.DoesNotContain("Usted y su público", kept);
        Assert.DoesNotContain("Ustedes", kept);
        Assert.DoesNotContain("note: \"usted\"", kept);
        Assert.Equal(2, Regex.Matches(kept, @"\busted\b", RegexOptions.IgnoreCase).Count);
        Assert.Empty(Regex.Matches("sustedes ustedesa", @"\b(usted|ustedes)\b", RegexOptions.IgnoreCase));
    }

    private sealed record Passage(string Where, string Text);

    private static IEnumerable<Passage> ContentTexts(string culture)
    {
        var toolbox = Path.Combine(Root, "content", "toolbox");
        var mooc = Path.Combine(Root, "content", "mooc");
        var plain = Directory.GetFiles(toolbox, $"{culture}.md", SearchOption.AllDirectories)
            .Concat(Directory.GetFiles(toolbox, $"tutorial.{culture}.md", SearchOption.AllDirectories))
            .Concat(Directory.GetFiles(mooc, $"validation.{culture}.gift", SearchOption.AllDirectories));
        foreach (var file in plain.Order())
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                yield return new Passage($"{Path.GetRelativePath(Root, file)}:{i + 1}", lines[i]);
            }
        }

        foreach (var file in Directory.GetFiles(mooc, $"part.{culture}.md", SearchOption.AllDirectories).Order())
        {
            foreach (var (number, line) in WithoutPartBlocks(File.ReadAllLines(file)))
            {
                yield return new Passage($"{Path.GetRelativePath(Root, file)}:{number}", line);
            }
        }
    }

    /// <summary>The lines of a part file (with their numbers) outside its top-level <c>video:</c> and <c>documents:</c> keys.</summary>
    private static IEnumerable<(int Number, string Text)> WithoutPartBlocks(IReadOnlyList<string> lines)
    {
        var skipping = false;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var topLevel = line == "---" || Regex.IsMatch(line, @"^[A-Za-z_][\w-]*:");
            if (topLevel)
            {
                skipping = line.StartsWith("video:", StringComparison.Ordinal) || line.StartsWith("documents:", StringComparison.Ordinal);
            }

            if (!skipping)
            {
                yield return (i + 1, line);
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
