using System.IO.Compression;
using Learning.Modules.Content;
using Learning.Modules.Data;
using Learning.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Learning.Tests.Content;

public sealed class ContentImportTests
{
    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Setup_imports_the_content_folder_and_importing_it_again_changes_nothing(Db db)
    {
        var content = TestContent.Small();
        await using var app = new LearningApp(db, content: content);
        var expected = content.Files.Keys.Count(path => path.EndsWith(".md", StringComparison.Ordinal));

        var (items, versions) = await app.WithTenantAsync(async sp =>
        {
            var data = sp.GetRequiredService<LearningDbContext>();
            return (await data.ContentItems.CountAsync(i => i.Status == ContentStatus.Published), await data.ContentVersions.CountAsync());
        });
        var again = await Import(app, sp => sp.GetRequiredService<ContentImporter>().ImportFolderAsync(app.ContentFolder, default));

        Assert.Equal(54, expected); // three practices, a tutorial and five parts, in six cultures
        Assert.Equal(expected, items);
        Assert.Equal(expected, versions);
        Assert.Equal((0, 0, expected), (again.Created, again.Updated, again.Unchanged));
        Assert.Equal(versions, await app.WithTenantAsync(sp => sp.GetRequiredService<LearningDbContext>().ContentVersions.CountAsync()));
    }

    public static TheoryData<string, string, int, string> BrokenFiles => new()
    {
        { "toolbox/broken/fr.md", "---\ntype: practice\nset: broken\nculture: fr\ntitle: [unclosed\n---\nBody", 6, "Invalid YAML" }, // where the parser finds the list unclosed
        { "toolbox/broken/de.md", Sheet("broken", "de", "kaputt"), 4, "Unknown culture 'de'" },
        { "toolbox/broken/fr.md", Sheet("broken", "fr", TestContent.Slug("job-desk", "fr")), 5, "already used" },
        { "toolbox/broken/fr.md", Sheet("broken", "fr", "sans-titre").Replace("title: Titre\n", ""), 1, "'title' is required" },
        { "toolbox/broken/fr.md", Sheet("broken", "fr", "mauvais-theme").Replace("themes: [mentoring]", "themes: [astrology]"), 13, "Unknown themes 'astrology'" },
        { "toolbox/broken/fr.md", "No front matter at all", 1, "must start with a YAML front matter" },
    };

    [Theory]
    [MemberData(nameof(BrokenFiles))]
    public async Task A_broken_file_stops_the_import_with_its_file_and_line_and_nothing_changes(string path, string text, int line, string message)
    {
        await using var app = new LearningApp(content: TestContent.Small());
        var before = await CountVersions(app);

        // A valid file goes with the broken one: it must not be imported either.
        var result = await Import(app, sp => sp.GetRequiredService<ContentImporter>().ImportAsync(
            [("toolbox/good/fr.md", Sheet("good", "fr", "une-bonne-fiche")), (path, text)], default));

        var error = Assert.Single(result.Errors);
        Assert.Equal(path, error.File);
        Assert.Equal(line, error.Line);
        Assert.Contains(message, error.Message);
        Assert.Equal(before, await CountVersions(app));
    }

    [Fact]
    public async Task A_changed_file_makes_a_new_version_and_keeps_the_old_one()
    {
        await using var app = new LearningApp(content: TestContent.Small());
        var original = TestContent.Practice("job-desk", "en");
        var changed = original.Replace("## Description\n", "## Description\nA sentence added by the partner.\n\n");
        Assert.NotEqual(original, changed);

        var result = await Import(app, sp => sp.GetRequiredService<ContentImporter>().ImportAsync([("toolbox/job-desk/en.md", changed)], default));

        Assert.Equal((0, 1, 0), (result.Created, result.Updated, result.Unchanged));
        var versions = await app.WithTenantAsync(sp => sp.GetRequiredService<LearningDbContext>().ContentItems
            .Where(i => i.Type == "practice" && i.SetId == "job-desk" && i.Culture == "en").SelectMany(i => i.Versions).OrderBy(v => v.Number).Select(v => v.Body).ToListAsync());
        Assert.Equal(2, versions.Count);
        Assert.DoesNotContain("added by the partner", versions[0]);
        Assert.Contains("added by the partner", versions[1]);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task An_import_publishes_its_files_together_and_each_translation_names_the_source_version_it_follows(Db db)
    {
        await using var app = new LearningApp(db, content: TestContent.Small());
        var importer = (IServiceProvider sp) => sp.GetRequiredService<ContentImporter>();
        var body = (string word) => $"## Description\nA {word} workshop.\n";

        // A new set, its source (French, the default culture) and a translation in one import: both at version 1, the translation after the source's 1.
        var first = await Import(app, sp => importer(sp).ImportAsync(
            [("toolbox/batch/fr.md", Sheet("batch", "fr", "lot", body("zephyrine"))), ("toolbox/batch/en.md", Sheet("batch", "en", "batch", body("zephyrine")))], default));
        var afterFirst = await Versions(app);
        // Both changed: the source's version 2, and the translation (its own version 2) follows it.
        var second = await Import(app, sp => importer(sp).ImportAsync(
            [("toolbox/batch/en.md", Sheet("batch", "en", "batch", body("quokkaesque"))), ("toolbox/batch/fr.md", Sheet("batch", "fr", "lot", body("quokkaesque")))], default));
        var afterSecond = await Versions(app);
        // Only the source (French, the default culture) changes: version 3; the translation stays after 2 (outdated).
        await Import(app, sp => importer(sp).ImportAsync([("toolbox/batch/fr.md", Sheet("batch", "fr", "lot", body("axolotlian")))], default));
        var afterThird = await Versions(app);
        // Only the translation changes: its version 3 follows the source's published 3, read from the database.
        await Import(app, sp => importer(sp).ImportAsync([("toolbox/batch/en.md", Sheet("batch", "en", "batch", body("axolotlian")))], default));
        var afterFourth = await Versions(app);
        var client = app.CreateClient();
        var found = await client.GetPageAsync("/fr/toolbox?q=axolotlian");
        var gone = await client.GetPageAsync("/fr/toolbox?q=quokkaesque");

        Assert.Equal((2, 0, 0), (first.Created, first.Updated, first.Unchanged));
        Assert.Equal((0, 2, 0), (second.Created, second.Updated, second.Unchanged));
        Assert.Equal([("en", 1, 1), ("fr", 1, (int?)null)], afterFirst);
        Assert.Equal([("en", 2, 2), ("fr", 2, (int?)null)], afterSecond);
        Assert.Equal([("en", 2, 2), ("fr", 3, (int?)null)], afterThird);
        Assert.Equal([("en", 3, 3), ("fr", 3, (int?)null)], afterFourth);
        Assert.Single(found.QuerySelectorAll(".toolbox__results .card")); // indexed with its new text
        Assert.Empty(gone.QuerySelectorAll(".toolbox__results .card")); // and no longer with the old

        static Task<List<(string Culture, int Published, int? TranslatedFrom)>> Versions(LearningApp app) => app.WithTenantAsync(async sp =>
            (await sp.GetRequiredService<LearningDbContext>().ContentItems.Where(i => i.SetId == "batch").OrderBy(i => i.Culture)
                .Select(i => new { i.Culture, Published = i.PublishedVersion!.Number, i.TranslatedFromVersion }).ToListAsync())
            .Select(i => (i.Culture, i.Published, i.TranslatedFromVersion)).ToList());
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task The_export_zip_imports_into_an_empty_tenant_as_the_same_content(Db db)
    {
        await using var source = new LearningApp(db, content: TestContent.Small());
        using var zip = new MemoryStream();
        await source.WithTenantAsync(async sp => { await sp.GetRequiredService<ContentExporter>().WriteZipAsync(zip, default); return 0; });

        await using var target = new LearningApp(db, new Dictionary<string, string?> { ["Learning:Content:Folder"] = "/nonexistent" });
        Assert.Equal(0, await CountVersions(target));
        zip.Position = 0;
        var result = await Import(target, sp => sp.GetRequiredService<ContentImporter>().ImportZipAsync(zip, default));

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        var snapshot = await Snapshot(source);
        Assert.Equal(54, snapshot.Count);
        Assert.Equal(snapshot, await Snapshot(target));
        zip.Position = 0;
        using var archive = new ZipArchive(zip);
        Assert.Contains(archive.Entries, e => e.FullName == "toolbox/job-desk/hu.md");
        Assert.Contains(archive.Entries, e => e.FullName == "toolbox/job-desk/tutorial.ca.md");
        Assert.Contains(archive.Entries, e => e.FullName == "mooc/part-4/part.it.md");
    }

    [Fact]
    public async Task A_file_that_is_not_a_zip_is_refused_with_a_message()
    {
        await using var app = new LearningApp(content: TestContent.Small());

        var result = await Import(app, sp => sp.GetRequiredService<ContentImporter>().ImportZipAsync(new MemoryStream("not a zip"u8.ToArray()), default));

        Assert.Contains("not a valid zip", Assert.Single(result.Errors).Message);
    }

    internal static string Sheet(string set, string culture, string slug, string body = "## Description\nText.\n") => $"""
        ---
        type: practice
        set: {set}
        culture: {culture}
        slug: {slug}
        title: Titre
        summary: Un résumé assez long pour une carte.
        organisations: [Mission Locale]
        country: BE
        place: Bruxelles
        period: "2024"
        target_publics: [jobseekers]
        themes: [mentoring]
        action_types: [workshop]
        status: published
        ---
        {body}
        """.Replace("\r\n", "\n");

    internal static Task<ContentImportResult> Import(LearningApp app, Func<IServiceProvider, Task<ContentImportResult>> import) =>
        app.WithTenantAsync(import);

    private static Task<int> CountVersions(LearningApp app) =>
        app.WithTenantAsync(sp => sp.GetRequiredService<LearningDbContext>().ContentVersions.CountAsync());

    private static Task<List<string>> Snapshot(LearningApp app) => app.WithTenantAsync(sp =>
        sp.GetRequiredService<LearningDbContext>().ContentItems.OrderBy(i => i.SetId).ThenBy(i => i.Culture)
            .Select(i => i.SetId + "|" + i.Culture + "|" + i.Slug + "|" + i.Status + "|" + i.PublishedVersion!.Title + "|" + i.PublishedVersion.Summary + "|" + i.PublishedVersion.Fields + "|" + i.PublishedVersion.Body)
            .ToListAsync());
}
