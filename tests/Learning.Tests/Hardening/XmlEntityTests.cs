using Learning.Modules.Assessment.Formats;
using Learning.Modules.Content;
using Learning.Modules.Data;
using Learning.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Learning.Tests.Hardening;

public sealed class XmlEntityTests
{
    /// <summary>A DTD whose entity &amp;l{levels}; expands to 10^levels "lol"s; five levels stay small enough to be
    /// expanded by a parser that allows DTDs, nine are the classic billion laughs.</summary>
    internal static string Laughs(string root, int levels)
    {
        var entities = new List<string> { "<!ENTITY l0 \"lol\">" };
        for (var i = 1; i <= levels; i++)
        {
            entities.Add($"<!ENTITY l{i} \"{string.Concat(Enumerable.Repeat($"&l{i - 1};", 10))}\">");
        }

        return $"<?xml version=\"1.0\"?>\n<!DOCTYPE {root} [\n{string.Join("\n", entities)}\n]>\n";
    }

    internal static string MoodleBank(string doctype, string questionText) =>
        doctype + "<quiz><question type=\"truefalse\"><name><text>q</text></name><questiontext format=\"html\"><text>" + questionText
        + "</text></questiontext><answer fraction=\"100\"><text>true</text></answer><answer fraction=\"0\"><text>false</text></answer></question></quiz>";

    public static TheoryData<string, string, string> Doctypes => new()
    {
        { "modest laughs", Laughs("quiz", 4), "&l4;" },
        { "billion laughs", Laughs("quiz", 9), "&l9;" },
        { "plain doctype", "<?xml version=\"1.0\"?>\n<!DOCTYPE quiz>\n", "Is it?" },
        { "external entity", "<?xml version=\"1.0\"?>\n<!DOCTYPE quiz [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>\n", "&secret;" },
    };

    [Theory]
    [MemberData(nameof(Doctypes))]
    public void A_moodle_xml_bank_with_a_dtd_is_refused_at_the_doctype_line(string kind, string doctype, string questionText)
    {
        Assert.NotEmpty(kind);
        var xml = MoodleBank(doctype, questionText);

        var refused = Assert.Throws<QuestionFormatException>(() => MoodleXml.Read(xml));

        Assert.Equal(2, refused.Line);
        Assert.Contains("DTD (<!DOCTYPE>), which is not accepted", refused.Message);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task An_xliff_file_with_a_dtd_is_refused_and_saves_nothing(Db db)
    {
        await using var app = new LearningApp(db, content: TestContent.Small());
        var before = await app.WithTenantAsync(sp => sp.GetRequiredService<LearningDbContext>().ContentVersions.CountAsync());

        foreach (var (doctype, title) in new[] { (Laughs("xliff", 4), "&l4;"), (Laughs("xliff", 9), "&l9;"), ("<?xml version=\"1.0\"?>\n<!DOCTYPE xliff>\n", "Titre") })
        {
            var xliff = doctype + Xliff("job-desk", title);
            var (item, errors) = await app.WithTenantAsync(sp => sp.GetRequiredService<Xliff>()
                .ImportAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(xliff)), "practice", "job-desk", "translator", default));

            Assert.Null(item);
            Assert.Equal("Line 2: the file declares a DTD (<!DOCTYPE>), which is not accepted: remove it.", Assert.Single(errors));
        }

        Assert.Equal(before, await app.WithTenantAsync(sp => sp.GetRequiredService<LearningDbContext>().ContentVersions.CountAsync()));
    }

    internal static string Xliff(string set, string title) =>
        "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\" srcLang=\"fr\" trgLang=\"hu\"><file id=\"" + set + "\" original=\"practice\">"
        + $"<unit id=\"title\"><segment><source>T</source><target>{title}</target></segment></unit>"
        + "<unit id=\"summary\"><segment><source>S</source><target>Összefoglaló</target></segment></unit>"
        + "<unit id=\"body\"><segment><source>B</source><target>Szöveg</target></segment></unit></file></xliff>";
}
