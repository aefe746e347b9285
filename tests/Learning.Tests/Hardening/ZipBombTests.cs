using System.IO.Compression;
using System.Text;
using Learning.Modules.Content;
using Learning.Modules.Data;
using Learning.Tests.Content;
using Learning.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Learning.Tests.Hardening;

public sealed class ZipBombTests
{
    internal static MemoryStream Zip(IEnumerable<(string Name, string Text)> entries)
    {
        var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in entries)
            {
                using var writer = new StreamWriter(archive.CreateEntry(name, CompressionLevel.SmallestSize).Open(), new UTF8Encoding(false));
                writer.Write(text);
            }
        }

        zip.Position = 0;
        return zip;
    }

    private static Task<int> Versions(LearningApp app) =>
        app.WithTenantAsync(sp => sp.GetRequiredService<LearningDbContext>().ContentVersions.CountAsync());

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_zip_of_more_entries_than_the_setting_allows_is_refused_and_changes_nothing(Db db)
    {
        await using var app = new LearningApp(db, new Dictionary<string, string?> { ["Learning:Content:MaxZipEntries"] = "5" }, TestContent.Small());
        var before = await Versions(app);
        // One valid sheet and five entries that are not content files: the count is of every entry.
        var entries = new[] { ("toolbox/good/fr.md", ContentImportTests.Sheet("good", "fr", "une-bonne-fiche")) }
            .Concat(Enumerable.Range(0, 5).Select(i => ($"empty-{i}.txt", "")));

        var result = await app.WithTenantAsync(sp => sp.GetRequiredService<ContentImporter>().ImportZipAsync(Zip(entries), default));

        Assert.Equal("(upload):1: The zip holds 6 entries; at most 5 are accepted.", Assert.Single(result.Errors).ToString());
        Assert.Equal(before, await Versions(app));
    }

    [Fact]
    public async Task A_small_zip_that_inflates_beyond_the_setting_is_refused_and_changes_nothing()
    {
        await using var app = new LearningApp(extraSettings: new Dictionary<string, string?> { ["Learning:Content:MaxZipUncompressedBytes"] = (1 << 20).ToString() }, content: TestContent.Small());
        var before = await Versions(app);
        // Three files of 600 kB of spaces each: a few kB compressed, 1.8 MB inflated.
        var padded = ContentImportTests.Sheet("good", "fr", "une-bonne-fiche") + new string(' ', 600_000);
        var zip = Zip(new[] { "fr", "en", "es" }.Select(c => ($"toolbox/good/{c}.md", padded.Replace("culture: fr", "culture: " + c))));
        Assert.True(zip.Length < 20_000);

        var result = await app.WithTenantAsync(sp => sp.GetRequiredService<ContentImporter>().ImportZipAsync(zip, default));

        Assert.Equal("(upload):1: The zip's content files are larger than 1 MB together.", Assert.Single(result.Errors).ToString());
        Assert.Equal(before, await Versions(app));
    }
}
