using System.Diagnostics;
using Learning.Modules.Assessment;
using Learning.Modules.Assessment.Formats;
using Learning.Modules.Assessment.Questions;
using Learning.Modules.Content;
using Learning.Modules.Data;
using Learning.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Learning.Tests.Hardening;

/// <summary>Question banks an editor could upload, mutated from the files written from Moodle's documentation, on
/// both databases: each is refused whole with a line and nothing changed, or its questions are imported (those it
/// refuses named) and every imported text shows quickly, within <see cref="HostileInput.Bound"/> per input.</summary>
public sealed class BankImportCorpusTests(ITestOutputHelper output)
{
    private static readonly string Folder = Path.Combine(Repository.Root, "tests", "Learning.Tests", "Assessment", "Moodle");

    private static IEnumerable<(string Name, string Text)> Corpus()
    {
        var gift = Directory.GetFiles(Folder, "*.gift", SearchOption.AllDirectories).Order().Select(File.ReadAllText).ToArray();
        var xml = Directory.GetFiles(Folder, "*.xml", SearchOption.AllDirectories).Order().Select(File.ReadAllText).ToArray();
        var n = 0;
        foreach (var text in HostileInput.Mutations(gift, 120).Concat(HostileInput.Common()))
        {
            yield return ($"gift #{n++}", text);
        }

        n = 0;
        foreach (var text in HostileInput.Mutations(xml, 120).Concat(HostileInput.Common()))
        {
            yield return ($"xml #{n++}.xml", text);
        }

        // Markup that takes long to show or could run: refused or made harmless before it is stored.
        yield return ("deep.gift", "::deep::[html]" + string.Concat(Enumerable.Repeat("<div>", 20_000)) + "{T}");
        yield return ("script.gift", "::s::[html]<script>alert(1)</script><img src=x onerror=alert(1)>{=<a href\\=\"javascript\\:alert(1)\">a</a> ~b}");
        yield return ("many.gift", string.Concat(Enumerable.Range(0, 50_000).Select(i => $"::q{i}:: Q{i}? {{T}}\n\n")));
        yield return ("many.xml", "<quiz>" + string.Concat(Enumerable.Range(0, 50_000).Select(i => $"<question type=\"truefalse\"><name><text>q{i}</text></name><questiontext><text>Q?</text></questiontext><answer fraction=\"100\"><text>true</text></answer><answer fraction=\"0\"><text>false</text></answer></question>")) + "</quiz>");
        yield return ("nul.gift", "::n\0ul:: Vrai\0 ? {T}");
        yield return ("surrogate.gift", "::s\uD800:: Vrai ? {T}");
        yield return ("big-image.xml", $"""<quiz><question type="truefalse"><name><text>i</text></name><questiontext format="html"><text><![CDATA[<img src="@@PLUGINFILE@@/a.png">]]></text><file name="a.png" path="/" encoding="base64">{Convert.ToBase64String([0x89, 0x50, 0x4E, 0x47, .. new byte[6 << 20]])}</file></questiontext><answer fraction="100"><text>true</text></answer><answer fraction="0"><text>false</text></answer></question></quiz>""");
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Hostile_banks_are_imported_only_as_far_as_they_are_valid_and_every_text_imported_shows_quickly(Db db)
    {
        await using var app = new LearningApp(db, content: TestContent.Small());
        // A first import warms the database's connections up, outside the timed corpus.
        await app.WithTenantAsync(sp => sp.GetRequiredService<BankImport>().ImportAsync("corpus/warm", "fr", GiftReader.Read("::w:: W? {T}"), "editor", default));
        var problems = new List<string>();
        var (tried, refusedWhole, imported) = (0, 0, 0);
        foreach (var (name, text) in Corpus())
        {
            tried++;
            var bank = $"corpus/{tried}";
            var clock = Stopwatch.StartNew();
            try
            {
                var plan = await app.WithTenantAsync(sp => sp.GetRequiredService<BankImport>().ImportAsync(bank, "fr", BankImport.Read(name, text), "editor", default));
                imported += plan.Questions.Count;
                var stored = await app.WithTenantAsync(sp => sp.GetRequiredService<QuestionBanks>().ExportAsync(bank, "fr", default));
                foreach (var question in stored)
                {
                    foreach (var shown in question.Texts)
                    {
                        QuestionText.ToHtml(shown, question.Format);
                    }
                }

                if (stored.Count != plan.Count(ImportAction.Create))
                {
                    problems.Add($"{name}: {plan.Count(ImportAction.Create)} planned, {stored.Count} stored");
                }
            }
            catch (QuestionFormatException exception)
            {
                refusedWhole++;
                var count = await app.WithTenantAsync(sp => sp.GetRequiredService<LearningDbContext>().BankQuestions.CountAsync(q => q.Bank == bank));
                if (count > 0 || exception.Line < 1)
                {
                    problems.Add($"{name}: refused at line {exception.Line} yet {count} stored");
                }
            }
            catch (Exception exception)
            {
                problems.Add($"{name}: {exception.GetType().Name} ({exception.Message[..Math.Min(300, exception.Message.Length)]})");
            }

            if (clock.Elapsed > HostileInput.Bound)
            {
                problems.Add($"{name}: took {clock.Elapsed}");
            }
        }

        var media = await app.WithTenantAsync(sp => sp.GetRequiredService<LearningDbContext>().MediaFiles.CountAsync());
        output.WriteLine($"{db}: {tried} banks tried, {refusedWhole} refused whole, {imported} questions imported, {media} images stored");
        Assert.True(problems.Count == 0, $"{problems.Count} problems in {tried} banks:\n" + string.Join("\n", problems.Take(15)));
        Assert.True(imported > 0 && refusedWhole > 0, "the corpus must hold both valid and broken banks");
        Assert.True(media <= 1, "only the fixture's tiny image may be stored; the 6 MB one is refused");
    }
}
