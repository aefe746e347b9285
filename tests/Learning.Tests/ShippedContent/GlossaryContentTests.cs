using Learning.Modules.Content;
using Learning.Modules.Core;
using Learning.Modules.Mooc.Glossary;
using Learning.Tests.Infrastructure;

namespace Learning.Tests.ShippedContent;

// Shipped content: these tests read content/glossary itself, so that an entry lost in one culture fails here.
/// <summary>The glossary of Brussels services in content/glossary/: valid, and alike in the six cultures.</summary>
public sealed class GlossaryContentTests
{
    private static readonly string Folder = Path.Combine(Repository.Root, "content", "glossary", GlossaryType.SetId);

    [Fact]
    public void The_glossary_has_the_same_entries_in_the_six_cultures_each_translated()
    {
        var glossaries = Cultures.All.ToDictionary(c => c, Read);
        var french = glossaries["fr"];

        // The Partner's Day annex names 44 services and bodies; the CPAS, which its personas name, is added.
        Assert.True(french.Count >= 45, $"only {french.Count} entries");
        Assert.Contains(french, e => e.Id == "cpas");
        Assert.Contains(french, e => e.Id == "actiris");
        Assert.Contains(french, e => e.Id == "missions-locales");
        Assert.Contains(french, e => e.Id == "bruxelles-formation");
        foreach (var (culture, entries) in glossaries)
        {
            // Same ids, addresses and other names, in the same order.
            Assert.Equal(french.Select(Skeleton), entries.Select(Skeleton));
            if (culture != "fr")
            {
                var translated = french.Zip(entries).Count(p => p.First.Does != p.Second.Does);
                Assert.True(translated == french.Count, $"{culture}: {french.Count - translated} entries say the same as in French.");
            }
        }
    }

    [Fact]
    public void Every_glossary_entry_the_course_names_is_in_the_glossary()
    {
        var ids = Read("en").Select(e => e.Id).ToHashSet();
        foreach (var culture in Cultures.All)
        {
            var named = CourseContentTests.Course(culture).SelectMany(p => p.Documents.Services).Select(d => d.Glossary).OfType<string>().ToList();
            Assert.True(named.Count >= 20, $"{culture}: only {named.Count} services of the document banks link to the glossary");
            Assert.All(named, id => Assert.Contains(id, ids));
        }
    }

    private static string Skeleton(GlossaryEntry entry) => $"{entry.Id} {entry.Url} {string.Join('|', entry.Also)}";

    private static IReadOnlyList<GlossaryEntry> Read(string culture)
    {
        var path = Path.Combine(Folder, $"glossary.{culture}.md");
        Assert.True(File.Exists(path), $"Missing {path}");
        var errors = new List<ContentImportError>();
        var file = ContentFile.Parse(path, File.ReadAllText(path), errors);
        Assert.NotNull(file);
        var type = new GlossaryType();
        type.Validate(file, errors);
        Assert.Empty(errors.Select(e => $"{e.File}:{e.Line} {e.Message}"));
        Assert.Equal($"{GlossaryType.TypeName} {GlossaryType.SetId} {culture}", $"{file.Value("type")} {file.Value("set")} {file.Value("culture")}");
        return GlossaryEntry.ListFrom(ContentFields.Parse(ContentFields.ToJson(file, type.FieldKeys)).Structure("entries"));
    }
}
