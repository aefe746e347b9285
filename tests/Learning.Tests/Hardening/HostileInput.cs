using System.Text;

namespace Learning.Tests.Hardening;

/// <summary>Malformed, truncated, oversized, deeply nested and hostile variants of valid samples, always the same
/// ones for a given seed, so that a failure found here is found again.</summary>
public static class HostileInput
{
    public const int Seed = 20261205;

    /// <summary>Each input handled within this time. It catches work that grows faster than the input (a quadratic
    /// pass over 8 million characters takes hours, a regular expression that backtracks never ends), not a slow
    /// machine: most inputs take milliseconds, the largest under a second here, and a CI machine running the browser
    /// tests beside these may pause a thread for seconds. How fast the site reads files is measured in bench/.</summary>
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    private static readonly string[] Snippets =
    [
        "&a ", "*a", "&a [*a]", "[[[[[[[[", "]]]]", "{{{{", "}}}}", "\0", "\uFFFF", "\uD800", "<!DOCTYPE x>", "<![CDATA[", "]]>",
        "::", ": ", "---", "\n---\n", "-->", " --> ", "\n\n", "\r", "\t", "~", "#", "=", "%", "\\", "\"", "'", "?", "!", "|", ">",
        "<", "&", "&lt;", "&#0;", "&#xD800;", "{", "}", "[", "]", "- ", "  ", "::a::", "$CATEGORY:", "00:00:01,000", "99:99:99,999",
        "-1", "1e999", "NaN", "9999999999999999999999", "WEBVTT", "\uFEFF", "é", "\u202E", "<script>alert(1)</script>",
    ];

    /// <summary><paramref name="count"/> variants of the samples, then the fixed hostile cases of every format.</summary>
    public static IEnumerable<string> Mutations(IReadOnlyList<string> samples, int count, int seed = Seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var text = samples[random.Next(samples.Count)];
            for (var steps = random.Next(1, 4); steps > 0; steps--)
            {
                text = Mutate(text, random);
            }

            yield return text;
        }
    }

    private static string Mutate(string text, Random random)
    {
        var at = text.Length == 0 ? 0 : random.Next(text.Length);
        var span = text.Length == 0 ? 0 : random.Next(Math.Min(200, text.Length - at) + 1);
        return random.Next(8) switch
        {
            0 => text[..at], // truncated
            1 => text.Remove(at, span),
            2 => text.Insert(at, Snippets[random.Next(Snippets.Length)]),
            3 => text.Insert(at, string.Concat(Enumerable.Repeat(Snippets[random.Next(Snippets.Length)], random.Next(2, 2000)))),
            4 => text.Insert(at, text.Substring(at, span)), // a part repeated
            5 => string.Concat(text.Select(c => random.Next(50) == 0 ? (char)random.Next(0, 0x3000) : c)), // noise
            6 => text.Replace("\n", random.Next(2) == 0 ? "\r" : "\n\n"),
            _ => Oversized(string.Concat(Enumerable.Repeat(text, random.Next(2, 20)))),
        };
    }

    /// <summary>A sample repeated, up to what a request may carry (Kestrel refuses bodies over 30 MB): repeated three
    /// times over, a bank of 40,000 characters became 114 million, which no upload can bring.</summary>
    private static string Oversized(string text) => text.Length > MaxInput ? text[..MaxInput] : text;

    private const int MaxInput = 8_000_000;

    /// <summary>Cases every text format gets: empty, blank, binary, very long, deeply nested.</summary>
    public static IEnumerable<string> Common()
    {
        var random = new Random(Seed);
        var binary = new byte[4096];
        random.NextBytes(binary);
        return
        [
            "", " ", "\n", "\uFEFF", "\0\0\0", Encoding.Latin1.GetString(binary), Encoding.UTF8.GetString(binary),
            new string('x', 3 << 20), new string('\n', 1 << 20), new string('[', 100_000), new string('{', 100_000),
            string.Concat(Enumerable.Repeat("<a>", 100_000)), string.Concat(Enumerable.Repeat("- ", 50_000)),
            string.Concat(Enumerable.Range(0, 20_000).Select(i => new string(' ', i % 200) + "- x\n")),
        ];
    }
}
