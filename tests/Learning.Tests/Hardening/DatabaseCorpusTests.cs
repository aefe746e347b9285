using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using System.Xml.Linq;
using Learning.Modules.Content;
using Learning.Modules.Data;
using Learning.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Learning.Tests.Hardening;

/// <summary>The importers that write to the database, fed hostile inputs on both databases: each input is accepted
/// only when it is still valid, or refused with a message and nothing changed, within <see cref="HostileInput.Bound"/>,
/// and no exception escapes. Problems are gathered over the whole corpus so that one run shows all of them.</summary>
public sealed class DatabaseCorpusTests(ITestOutputHelper output)
{
    private sealed class Findings
    {
        private readonly List<string> problems = [];

        public int Tried { get; private set; }

        public int Refused { get; set; }

        public async Task RunAsync(string input, Func<Task> handle)
        {
            Tried++;
            var clock = Stopwatch.StartNew();
            try
            {
                await handle();
            }
            catch (Exception exception)
            {
                problems.Add($"{input}: {exception.GetType().Name} ({Short(exception.Message)})");
                return;
            }

            if (clock.Elapsed > HostileInput.Bound)
            {
                problems.Add($"{input}: took {clock.Elapsed}");
            }
        }

        public void AssertNone(string corpus) =>
            Assert.True(problems.Count == 0, $"{corpus}: {problems.Count} problems in {Tried} inputs ({Refused} refused):\n" + string.Join("\n", problems.Take(15)));

        private static string Short(string text) => text.Length > 300 ? text[..300] : text;
    }

    /// <summary>Every item's identity, slug, status and versions, and the number of versions: equal before and after
    /// a refused import when nothing changed.</summary>
    private static Task<string> ContentSnapshot(LearningApp app) => app.WithTenantAsync(async sp =>
    {
        var db = sp.GetRequiredService<LearningDbContext>();
        var items = await db.ContentItems.AsNoTracking().OrderBy(i => i.Id)
            .Select(i => new { i.Id, i.Type, i.SetId, i.Culture, i.Slug, i.Status, i.LatestVersionNumber, i.PublishedVersionId }).ToListAsync();
        var versions = await db.ContentVersions.CountAsync();
        return $"{items.Count} items, {versions} versions\n" + string.Join("\n", items);
    });

    private static byte[] ZipBytes(IEnumerable<(string Name, string Text)> entries) => ZipBombTests.Zip(entries).ToArray();

    private static List<(string Name, string Text)> Entries(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        return archive.Entries.Select(e =>
        {
            using var reader = new StreamReader(e.Open(), Encoding.UTF8);
            return (e.FullName, reader.ReadToEnd());
        }).OrderBy(e => e.FullName, StringComparer.Ordinal).ToList();
    }

    /// <summary>Hostile zips made from the app's own content export: one content file mutated, the zip's bytes
    /// truncated or corrupted, odd entry names, duplicates, empty entries, files that are not zips.</summary>
    private static List<(string Name, byte[] Zip)> ZipCorpus(byte[] export)
    {
        // By name: the export's order of items of the same set and culture differs between the databases.
        var entries = Entries(export);
        export = ZipBytes(entries);
        var random = new Random(HostileInput.Seed);
        var corpus = new List<(string, byte[])>();
        var contentFiles = entries.Select((e, i) => (e, i)).Where(x => x.e.Name.EndsWith(".md", StringComparison.Ordinal)).Select(x => x.i).ToArray();
        for (var n = 0; n < 120; n++)
        {
            var at = contentFiles[random.Next(contentFiles.Length)];
            var mutated = HostileInput.Mutations([entries[at].Text], 1, HostileInput.Seed + n).Single();
            corpus.Add(($"mutated {entries[at].Name} #{n}", ZipBytes(entries.Select((e, i) => i == at ? (e.Name, mutated) : e))));
        }

        foreach (var (common, n) in HostileInput.Common().Select((c, n) => (c, n)))
        {
            corpus.Add(($"common #{n} as a sheet", ZipBytes([("toolbox/job-desk/fr.md", common)])));
            corpus.Add(($"common #{n} under front matter", ZipBytes([("toolbox/job-desk/fr.md", "---\n" + common + "\n---\n")])));
        }

        for (var n = 0; n < 40; n++)
        {
            var bytes = (byte[])export.Clone();
            switch (n % 4)
            {
                case 0:
                    bytes = bytes[..random.Next(bytes.Length)];
                    break;
                case 1:
                    for (var k = random.Next(1, 8); k > 0; k--)
                    {
                        bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                    }

                    break;
                case 2:
                    // Inside the central directory, at the end: counts, sizes, offsets, names, methods.
                    for (var k = random.Next(1, 4); k > 0; k--)
                    {
                        bytes[bytes.Length - 1 - random.Next(Math.Min(bytes.Length, 2000))] = (byte)random.Next(256);
                    }

                    break;
                default:
                    var from = random.Next(bytes.Length);
                    Array.Clear(bytes, from, Math.Min(bytes.Length - from, random.Next(1, 300)));
                    break;
            }

            corpus.Add(($"corrupted export #{n} (case {n % 4})", bytes));
        }

        var sheet = entries.First(e => e.Name == "toolbox/job-desk/fr.md").Text;
        foreach (var name in new[]
        {
            "../toolbox/job-desk/fr.md", "/toolbox/job-desk/fr.md", "toolbox/../toolbox/job-desk/fr.md", "toolbox/job-desk/../job-desk/fr.md", "C:\\toolbox\\job-desk\\fr.md",
            "toolbox\\job-desk\\fr.md", "toolbox//job-desk/fr.md", "//server/toolbox/job-desk/fr.md", "toolbox/job-desk/FR.MD", "toolbox/job-desk/fr.md/", "fr.md", ".md",
            "toolbox/job-desk/fr.md.exe", "toolbox/job-desk/README.md", "toolbox/job-desk/ fr.md", "toolbox/job-desk/fr.md ", new string('a', 1000) + "/job-desk/fr.md",
            "toolbox/jób-desk/fr.md", "../../../../etc/job-desk/fr.md",
        })
        {
            corpus.Add(($"entry named {name[..Math.Min(name.Length, 60)]}", ZipBytes([(name, sheet)])));
        }

        corpus.Add(("the same entry twice", ZipBytes([("toolbox/job-desk/fr.md", sheet), ("toolbox/job-desk/fr.md", sheet)])));
        corpus.Add(("the same name twice, different texts", ZipBytes([("toolbox/job-desk/fr.md", sheet), ("toolbox/job-desk/fr.md", sheet.Replace("title:", "title: X"))])));
        corpus.Add(("one item under two names", ZipBytes([("toolbox/job-desk/fr.md", sheet), ("./toolbox/job-desk/fr.md", sheet)])));
        corpus.Add(("an empty content file", ZipBytes([("toolbox/job-desk/fr.md", "")])));
        corpus.Add(("an empty content file among valid ones", ZipBytes(entries.Append(("toolbox/new-one/fr.md", "")))));
        corpus.Add(("no entries", ZipBytes([])));
        corpus.Add(("folders only", ZipBytes([("toolbox/", ""), ("toolbox/job-desk/", "")])));
        corpus.Add(("a sheet with a NUL in its body", ZipBytes([("toolbox/job-desk/fr.md", sheet + "\0")])));
        corpus.Add(("a sheet with a NUL in its title", ZipBytes([("toolbox/job-desk/fr.md", sheet.Replace("title: ", "title: \0"))])));
        corpus.Add(("an empty upload", []));
        corpus.Add(("two bytes of a zip", "PK"u8.ToArray()));
        corpus.Add(("a local header and junk", [.. "PK\u0003\u0004"u8.ToArray(), .. Enumerable.Repeat((byte)0xFF, 100)]));
        corpus.Add(("an end of central directory alone", [0x50, 0x4B, 0x05, 0x06, .. new byte[18]]));
        var noise = new byte[5000];
        random.NextBytes(noise);
        corpus.Add(("random bytes", noise));
        corpus.Add(("the export then junk", [.. export, .. noise]));
        corpus.Add(("junk then the export", [.. noise, .. export]));
        return corpus;
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Hostile_content_zips_are_imported_only_when_valid_or_refused_with_a_file_and_line_changing_nothing(Db db)
    {
        await using var app = new LearningApp(db, content: TestContent.Small());
        var export = await app.WithTenantAsync(async sp =>
        {
            using var output = new MemoryStream();
            await sp.GetRequiredService<ContentExporter>().WriteZipAsync(output, default);
            return output.ToArray();
        });
        var import = (byte[] zip) => app.WithTenantAsync(sp => sp.GetRequiredService<ContentImporter>().ImportZipAsync(new MemoryStream(zip), default));
        // The export itself imports, changing nothing (and warms the queries up before they are timed).
        var warmUp = await import(export);
        Assert.True(warmUp.Succeeded && warmUp.Created + warmUp.Updated == 0, string.Join("\n", warmUp.Errors));

        var corpus = ZipCorpus(export);
        var findings = new Findings();
        foreach (var (name, zip) in corpus)
        {
            var before = await ContentSnapshot(app);
            ContentImportResult? result = null;
            await findings.RunAsync(name, async () => result = await import(zip));
            if (result is null)
            {
                continue;
            }

            if (result.Succeeded)
            {
                // Still valid: a readable zip whose every content file parses.
                var errors = new List<ContentImportError>();
                var files = Entries(zip).Where(e => e.Name.EndsWith(".md", StringComparison.OrdinalIgnoreCase) && !e.Name.EndsWith("README.md", StringComparison.OrdinalIgnoreCase));
                await findings.RunAsync(name + " (accepted, checked)", () =>
                {
                    Assert.All(files, f => Assert.NotNull(ContentFile.Parse(f.Name.TrimStart('/'), f.Text, errors)));
                    return Task.CompletedTask;
                });
                continue;
            }

            findings.Refused++;
            await findings.RunAsync(name + " (refused, checked)", async () =>
            {
                Assert.All(result.Errors, e => Assert.True(e.File.Length > 0 && e.Line >= 1 && e.Message.Length > 0, e.ToString()));
                Assert.Equal(before, await ContentSnapshot(app));
            });
        }

        // 223 inputs on each database: 120 zips of the export with one content file mutated, 28 of the common cases as a
        // sheet, 40 truncated or corrupted exports, 19 odd entry names, 16 others (duplicates, empty, NUL, not zips).
        Assert.Equal(223, corpus.Count);
        output.WriteLine($"Content zips: {corpus.Count} inputs, {findings.Refused} refused.");
        findings.AssertNone($"Content zips ({corpus.Count} inputs)");
        Assert.True(findings.Refused > corpus.Count / 4, $"{findings.Refused} of {corpus.Count} refused");
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Hostile_xliff_files_are_imported_as_a_draft_or_refused_with_a_message_changing_nothing(Db db)
    {
        await using var app = new LearningApp(db, content: TestContent.Small());
        var exported = (await app.WithTenantAsync(sp => sp.GetRequiredService<Xliff>().ExportAsync("practice", "job-desk", "hu", default)))!.ToString();
        var import = (string text) => app.WithTenantAsync(sp => sp.GetRequiredService<Xliff>()
            .ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(text)), "practice", "job-desk", "translator", default));
        var warmUp = await import(exported);
        Assert.True(warmUp.Item is not null, string.Join("\n", warmUp.Errors));

        const string ns = "urn:oasis:names:tc:xliff:document:2.0";
        var hostile = new[]
        {
            exported.Replace("id=\"job-desk\"", "id=\"digital-check\""), exported.Replace(" original=\"practice\"", ""), exported.Replace("trgLang=\"hu\"", "trgLang=\"fr\""),
            exported.Replace("trgLang=\"hu\"", "trgLang=\"xx\""), exported.Replace("srcLang=\"fr\"", ""), exported.Replace("version=\"2.0\"", "version=\"1.2\""),
            exported.Replace(ns, "urn:x"), exported.Replace("<unit id=\"title\">", "<unit id=\"mind_map/0/x\">"), exported.Replace("<unit id=\"title\">", "<unit>"),
            exported.Replace("<unit id=\"summary\">", "<unit id=\"title\">"), exported.Replace("<target>", "<target>" + new string('x', 1001)),
            exported.Replace("<target>", "<target><![CDATA[<script>alert(1)</script>]]>"), exported.Replace("<target>", "<target>" + new string(' ', 5)),
            exported.Replace("<target>", "<target>&#0;"), exported.Replace("<target>", "<target>&#xD800;"), exported.Replace("<target>", "<target>&unknown;"),
            exported.Replace("<target>", "<target>" + string.Concat(Enumerable.Repeat("<b>", 20_000))),
            exported.Replace("<target>", "<target>" + new string('é', 2 << 20)), "\uFEFF" + exported, "<?xml version=\"1.0\" encoding=\"utf-16\"?>" + exported,
            exported.Replace("</file>", "</file><file id=\"job-desk\"/>"), exported.Replace("</file>", string.Concat(Enumerable.Repeat("<unit id=\"title\"><segment><target>T</target></segment></unit>", 10_000)) + "</file>"),
            $"<xliff xmlns=\"{ns}\" version=\"2.0\" srcLang=\"fr\" trgLang=\"hu\"/>", $"<xliff xmlns=\"{ns}\" version=\"2.0\" srcLang=\"fr\" trgLang=\"hu\"><file/></xliff>",
            XmlEntityTests.Xliff("job-desk", "Cím"), XmlEntityTests.Xliff("no-such-set", "Cím"), XmlEntityTests.Laughs("xliff", 9) + XmlEntityTests.Xliff("job-desk", "&l9;"),
            "<?xml version=\"1.0\"?><!DOCTYPE xliff SYSTEM \"file:///etc/passwd\">" + exported, "<x/><y/>", "<?xml version=\"1.0\"?>",
        };
        var corpus = HostileInput.Mutations([exported], 150).Concat(HostileInput.Common()).Concat(hostile).ToArray();
        var findings = new Findings();
        foreach (var (text, n) in corpus.Select((t, n) => (t, n)))
        {
            var before = await ContentSnapshot(app);
            (ContentItem? Item, IReadOnlyList<string> Errors)? result = null;
            await findings.RunAsync($"xliff #{n}", async () => result = await import(text));
            if (result is not { } imported)
            {
                continue;
            }

            await findings.RunAsync($"xliff #{n} (checked)", async () =>
            {
                if (imported.Item is { } item)
                {
                    // Accepted: well-formed XML, saved as a draft of the Hungarian job desk.
                    Assert.Empty(imported.Errors);
                    _ = XDocument.Load(new MemoryStream(Encoding.UTF8.GetBytes(text)));
                    Assert.Equal(("job-desk", "hu", ContentStatus.Draft), (item.SetId, item.Culture, item.Status));
                }
                else
                {
                    findings.Refused++;
                    Assert.All(imported.Errors, e => Assert.False(string.IsNullOrWhiteSpace(e)));
                    Assert.Equal(before, await ContentSnapshot(app));
                }
            });
        }

        // 194 inputs on each database: 150 mutations of a real export, 14 common cases, 30 hostile files.
        Assert.Equal(194, corpus.Length);
        output.WriteLine($"XLIFF: {corpus.Length} inputs, {findings.Refused} refused.");
        findings.AssertNone($"XLIFF ({corpus.Length} inputs)");
        Assert.True(findings.Refused > corpus.Length / 4, $"{findings.Refused} of {corpus.Length} refused");
    }

    private static readonly Dictionary<string, (long Max, byte[] Magic, int Offset)> Kinds = new()
    {
        [".jpg"] = (5 << 20, [0xFF, 0xD8, 0xFF], 0),
        [".jpeg"] = (5 << 20, [0xFF, 0xD8, 0xFF], 0),
        [".png"] = (5 << 20, [0x89, 0x50, 0x4E, 0x47], 0),
        [".webp"] = (5 << 20, "RIFF\0\0\0\0WEBP"u8.ToArray(), 0),
        [".pdf"] = (20 << 20, "%PDF-"u8.ToArray(), 0),
        [".mp4"] = (200 << 20, "\0\0\0\u0018ftyp"u8.ToArray(), 0),
        [".webm"] = (200 << 20, [0x1A, 0x45, 0xDF, 0xA3], 0),
        [".vtt"] = (1 << 20, "WEBVTT"u8.ToArray(), 0),
        [".srt"] = (1 << 20, "1\n00:00:01,000 --> 00:00:02,000\nHello\n"u8.ToArray(), 0),
    };

    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    private static bool Valid(string name, byte[] body, long declared)
    {
        var extension = Path.GetExtension(name).ToLowerInvariant();
        if (!Kinds.TryGetValue(extension, out var kind) || declared == 0 || declared > kind.Max || body.Length > kind.Max)
        {
            return false;
        }

        var content = body.AsSpan(extension == ".vtt" && body.AsSpan().StartsWith(Bom) ? 3 : 0);
        return extension switch
        {
            ".srt" => MediaUploads.SrtToVtt(Encoding.UTF8.GetString(content.StartsWith(Bom) ? content[3..] : content)).Vtt is not null,
            ".webp" => content.Length >= 12 && content[..4].SequenceEqual("RIFF"u8) && content[8..12].SequenceEqual("WEBP"u8),
            ".mp4" => content.Length >= 8 && content[4..8].SequenceEqual("ftyp"u8),
            _ => content.StartsWith(kind.Magic),
        };
    }

    private static List<(string Name, byte[] Body, long Declared)> UploadCorpus()
    {
        var random = new Random(HostileInput.Seed);
        var corpus = new List<(string, byte[], long)>();
        byte[] Body(byte[] magic, int length)
        {
            var body = new byte[Math.Max(length, magic.Length)];
            random.NextBytes(body);
            magic.CopyTo(body, 0);
            return body;
        }

        // Every kind's content under every accepted extension: valid only under its own.
        foreach (var (extension, _) in Kinds)
        {
            foreach (var (_, content) in Kinds)
            {
                var body = Body(content.Magic, 200);
                corpus.Add(($"file{extension}", body, body.Length));
            }
        }

        // Truncated headers, empty files, noise, and text that only looks right.
        foreach (var (extension, kind) in Kinds)
        {
            for (var cut = 0; cut < kind.Magic.Length; cut += Math.Max(1, kind.Magic.Length / 3))
            {
                corpus.Add(($"cut{extension}", kind.Magic[..cut], cut));
            }

            corpus.Add(($"empty{extension}", [], 0));
            corpus.Add(($"declared-empty{extension}", Body(kind.Magic, 100), 0));
            corpus.Add(($"noise{extension}", Body([], 300), 300));
            corpus.Add(($"bom{extension}", [0xEF, 0xBB, 0xBF, .. Body(kind.Magic, 50)], 53));
            corpus.Add(($"huge-claim{extension}", Body(kind.Magic, 20), kind.Max));
            corpus.Add(($"over-claim{extension}", Body(kind.Magic, 20), kind.Max + 1));
            corpus.Add(($"negative-claim{extension}", Body(kind.Magic, 20), -1));
        }

        // Polyglots: a valid header followed by another format, or another format's header first.
        byte[] html = "<html><script>alert(1)</script></html>"u8.ToArray();
        byte[] zip = [0x50, 0x4B, 0x03, 0x04, .. new byte[26]];
        corpus.Add(("png-then-html.png", [.. Kinds[".png"].Magic, .. html], 4 + html.Length));
        corpus.Add(("html-then-png.png", [.. html, .. Kinds[".png"].Magic], 4 + html.Length));
        corpus.Add(("pdf-then-zip.pdf", [.. "%PDF-1.7\n"u8.ToArray(), .. zip], 9 + zip.Length));
        corpus.Add(("zip-then-pdf.pdf", [.. zip, .. "%PDF-1.7\n"u8.ToArray()], 9 + zip.Length));
        corpus.Add(("gif.png", "GIF89a\u0001\0\u0001\0"u8.ToArray(), 10));
        corpus.Add(("svg.png", "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"u8.ToArray(), 57));
        corpus.Add(("webvtt-with-html.vtt", "WEBVTT\n\n00:01.000 --> 00:02.000\n<script>alert(1)</script>\n"u8.ToArray(), 58));
        corpus.Add(("riff-wave.webp", "RIFF\0\0\0\0WAVEfmt "u8.ToArray(), 16));

        // Names: path separators, traversal, hidden, double and missing extensions, types not accepted.
        foreach (var name in new[]
        {
            "../../etc/passwd.png", "/etc/cron.d/x.png", "C:\\Windows\\x.png", "..\\..\\x.png", "a/b/c.png", ".png", "..png", "x.PNG", "x.png.exe", "x.exe.png",
            "x", "x.svg", "x.html", "x.gif", "x.zip", "x.png ", " .png", "x\0.png", "x.png\0.exe", new string('a', 5000) + ".png", "fiché é.png", "\u202Egnp.exe.png", "con.png", "x:stream.png",
        })
        {
            corpus.Add((name, Body(Kinds[".png"].Magic, 64), 64));
        }

        // Subtitles: mutations of a valid SRT, as files.
        var srt = "1\n00:00:01,000 --> 00:00:03,500\nHello\n\n2\n00:00:04,000 --> 00:00:06,000\nSecond line\n";
        foreach (var text in HostileInput.Mutations([srt], 20))
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            corpus.Add(("subtitles.srt", bytes, bytes.Length));
        }

        return corpus;
    }

    private static string[] StoredFiles(LearningApp app) =>
        Directory.GetDirectories(app.DataPath, "media", SearchOption.AllDirectories).SelectMany(Directory.GetFiles).Order().ToArray();

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Hostile_uploads_are_stored_only_when_their_content_matches_their_type_or_refused_with_a_message_leaving_nothing(Db db)
    {
        await using var app = new LearningApp(db, content: TestContent.Small());
        var rows = () => app.WithTenantAsync(sp => sp.GetRequiredService<LearningDbContext>().MediaFiles.CountAsync());
        await app.WithTenantAsync(sp => sp.GetRequiredService<MediaUploads>().SaveAsync("warm-up.png", new MemoryStream([0x89, 0x50, 0x4E, 0x47]), 4, "editor", default));

        var corpus = UploadCorpus();
        var findings = new Findings();
        foreach (var (name, body, declared) in corpus)
        {
            var input = $"{name[..Math.Min(name.Length, 40)]} ({body.Length} bytes, {declared} declared)";
            var (filesBefore, rowsBefore) = (StoredFiles(app), await rows());
            (MediaFile? File, string? Error)? result = null;
            await findings.RunAsync(input, async () => result = await app.WithTenantAsync(sp => sp.GetRequiredService<MediaUploads>()
                .SaveAsync(name, new MemoryStream(body), declared, "editor", default)));
            if (result is not { } saved)
            {
                continue;
            }

            await findings.RunAsync(input + " (checked)", async () =>
            {
                var (filesAfter, rowsAfter) = (StoredFiles(app), await rows());
                if (saved.File is { } file)
                {
                    Assert.True(Valid(name, body, declared), "accepted although not valid");
                    Assert.Null(saved.Error);
                    Assert.DoesNotContain('/', file.FileName);
                    Assert.DoesNotContain('\\', file.FileName);
                    Assert.DoesNotContain('\0', file.FileName);
                    Assert.Subset(filesAfter.ToHashSet(), filesBefore.ToHashSet());
                    Assert.EndsWith(file.StorageName, Assert.Single(filesAfter.Except(filesBefore)), StringComparison.Ordinal);
                    Assert.Equal(rowsBefore + 1, rowsAfter);
                }
                else
                {
                    findings.Refused++;
                    Assert.False(Valid(name, body, declared), $"refused although valid: {saved.Error}");
                    Assert.False(string.IsNullOrWhiteSpace(saved.Error));
                    Assert.Equal(filesBefore, filesAfter);
                    Assert.Equal(rowsBefore, rowsAfter);
                }
            });
        }

        // 229 inputs on each database: 81 kinds of content under each extension, 96 truncated, empty, noisy, BOM-led and
        // mis-declared files, 8 polyglots, 24 hostile names, 20 mutated subtitles.
        Assert.Equal(229, corpus.Count);
        output.WriteLine($"Uploads: {corpus.Count} inputs, {findings.Refused} refused.");
        findings.AssertNone($"Uploads ({corpus.Count} inputs)");
        Assert.True(findings.Refused > corpus.Count / 4, $"{findings.Refused} of {corpus.Count} refused");
    }
}
