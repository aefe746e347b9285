using System.Diagnostics;
using Learning.Modules.Assessment.Formats;
using Learning.Modules.Content;
using Learning.Tests.Infrastructure;

namespace Learning.Tests.Hardening;

/// <summary>Every parser of outside input, fed a corpus of hostile variants of valid files: each input is either
/// accepted or refused with the parser's own message and a line, never an exception of another kind, within
/// <see cref="HostileInput.Bound"/>.</summary>
public sealed class ParserCorpusTests
{
    private static string[] RepositoryFiles(string pattern, int take) =>
        Directory.GetFiles(Path.Combine(Repository.Root, "content"), pattern, SearchOption.AllDirectories).Order().Take(take).Select(File.ReadAllText).ToArray();

    private static void Within(string parser, string input, Action handle)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            handle();
        }
        catch (Exception exception)
        {
            Assert.Fail($"{parser} threw {exception.GetType().Name} ({exception.Message}) on an input starting {Show(input)}");
        }

        Assert.True(clock.Elapsed < HostileInput.Bound, $"{parser} took {clock.Elapsed} on an input starting {Show(input)}");
    }

    private static string Show(string input) => System.Text.Json.JsonSerializer.Serialize(input.Length > 120 ? input[..120] : input) + $" ({input.Length} chars)";

    internal static string[] ContentCorpus()
    {
        var samples = RepositoryFiles("*.md", 300).Where(t => t.StartsWith("---", StringComparison.Ordinal)).ToArray();
        var hostile = new[]
        {
            "---\nmind_map: &a [*a]\n---\n", "---\na: &a [x]\nb: *a\n---\n", "---\n? [a]\n: b\n---\n", "---\nmind_map:\n  ? {a: b}\n  : c\n---\n",
            "---\nmind_map: {a: 1, 'a': 2}\n---\n", "---\n[a, b]\n---\n", "---\n!!binary abc: x\n---\n", "---\nx: !!python/object:os.system y\n---\n",
            "---\n" + new string(' ', 10) + "a: b\n---\n", "---\n---\n", "---\n\n---\n", "---\n...\n---\n", "---\n%YAML 1.1\n---\n",
            "---\nmind_map: " + new string('[', 5000) + "\n---\n", "---\nmind_map: " + string.Concat(Enumerable.Repeat("{a: ", 3000)) + "\n---\n",
        };
        return [.. HostileInput.Mutations(samples, 2000), .. hostile, .. HostileInput.Common().Select(c => "---\n" + c + "\n---\n"), .. HostileInput.Common()];
    }

    [Fact]
    public void Content_files_accept_or_refuse_each_hostile_input_with_a_line_and_a_message()
    {
        var corpus = ContentCorpus();
        var refused = 0;
        foreach (var input in corpus)
        {
            Within("ContentFile.Parse", input, () =>
            {
                var errors = new List<ContentImportError>();
                if (ContentFile.Parse("toolbox/x/fr.md", input, errors) is null)
                {
                    var error = Assert.Single(errors);
                    Assert.True(error.Line >= 1 && error.Message.Length > 0, error.ToString());
                    refused++;
                }
                else
                {
                    Assert.Empty(errors);
                }
            });
        }

        Assert.True(corpus.Length > 2000 && refused > corpus.Length / 4, $"{refused} of {corpus.Length} refused");
    }

    internal static string[] GiftSamples() =>
    [
        .. RepositoryFiles("*.gift", 12),
        "::Q1:: 2 + 2 = {=4 ~3 ~5}\n\n::Q2:: The sky is blue. {T}\n\n::Q3:: Capital of France? {=Paris =paris}\n\n::Q4:: Pi? {#3.14:0.01}\n\n"
        + "::Q5:: Match {=a -> 1 =b -> 2 =c -> 3}\n\n::Q6:: Pick {~%50%a ~%50%b ~%-100%c}\n\n$CATEGORY: x/y\n\n// comment\n::Q7:: Range {#1..5}\n",
    ];

    [Fact]
    public void Gift_banks_are_read_or_refused_with_a_question_format_exception_and_a_line()
    {
        var corpus = HostileInput.Mutations(GiftSamples(), 2000).Concat(HostileInput.Common())
            .Concat(["{", "}", "::a::{", "::a::b{=}", "{#}", "{#1..}", "{#..}", "{#:}", "{=a -> }", "{~%x%a}", "{~%999999999999%a}", "::" + new string('{', 50_000)])
            .ToArray();
        var refused = 0;
        foreach (var input in corpus)
        {
            Within("GiftReader.Read", input, () =>
            {
                try
                {
                    GiftReader.Read(input);
                }
                catch (QuestionFormatException exception)
                {
                    Assert.True(exception.Line >= 0, exception.Message);
                    refused++;
                }
            });
        }

        Assert.True(refused > corpus.Length / 4, $"{refused} of {corpus.Length} refused");
    }

    [Fact]
    public void Moodle_xml_banks_are_read_or_refused_with_a_question_format_exception_and_a_line()
    {
        var samples = GiftSamples().Select(g => MoodleXml.Write(GiftReader.Read(g).Questions)).ToArray();
        var corpus = HostileInput.Mutations(samples, 1000).Concat(HostileInput.Common())
            .Concat([XmlEntityTests.MoodleBank(XmlEntityTests.Laughs("quiz", 9), "&l9;"), "<quiz>" + string.Concat(Enumerable.Repeat("<question>", 50_000)),
                "<quiz><question type=\"numerical\"><answer fraction=\"abc\"><text>x</text></answer></question></quiz>",
                "<quiz><question type=\"matching\"><subquestion><text>a</text></subquestion></question></quiz>",
                "<quiz><question type=\"multichoice\"><single>maybe</single><answer fraction=\"1e400\"/></question></quiz>", "<quiz/>", "<?xml version=\"1.0\"?>"])
            .ToArray();
        var refused = 0;
        foreach (var input in corpus)
        {
            Within("MoodleXml.Read", input, () =>
            {
                try
                {
                    MoodleXml.Read(input);
                }
                catch (QuestionFormatException exception)
                {
                    Assert.True(exception.Line >= 0, exception.Message);
                    refused++;
                }
            });
        }

        Assert.True(refused > corpus.Length / 4, $"{refused} of {corpus.Length} refused");
    }

    [Fact]
    public void Srt_subtitles_are_converted_or_refused_with_a_message()
    {
        string[] samples =
        [
            "1\n00:00:01,000 --> 00:00:03,500\nHello\n\n2\n00:00:04,000 --> 00:00:06,000\nSecond line\nand third\n",
            "1\r\n00:00:01,000 --> 00:00:02,000\r\n<i>Bonjour</i>\r\n\r\n2\r\n00:01:00,000 --> 00:01:02,000\r\nÀ bientôt\r\n",
        ];
        var corpus = HostileInput.Mutations(samples, 2000).Concat(HostileInput.Common())
            .Concat(["-->", "1\n-->\n", "00:00:01,000 --> ", string.Concat(Enumerable.Repeat("1\n00:00:01,000 --> 00:00:02,000\nx\n\n", 50_000))]).ToArray();
        var refused = 0;
        foreach (var input in corpus)
        {
            Within("MediaUploads.SrtToVtt", input, () =>
            {
                var (vtt, error) = MediaUploads.SrtToVtt(input);
                Assert.True(vtt is null != error is null);
                if (vtt is null)
                {
                    Assert.False(string.IsNullOrWhiteSpace(error));
                    refused++;
                }
                else
                {
                    Assert.StartsWith("WEBVTT\n", vtt);
                }
            });
        }

        Assert.True(refused > corpus.Length / 10, $"{refused} of {corpus.Length} refused");
    }
}
