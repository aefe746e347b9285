using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using AngleSharp.Html.Dom;
using Learning.Modules.Accounts;
using Learning.Modules.Content;
using Learning.Modules.Core.Security;
using Learning.Modules.Data;
using Learning.Tests.Accounts;
using Learning.Tests.Core;
using Learning.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Learning.Tests.Content;

public sealed class EditorTests
{
    public static TheoryData<string> EditorPages =>
    [
        "/en/editor",
        "/en/editor/practice",
        "/en/editor/practice/1",
        "/en/editor/items/1/history",
        "/en/editor/sets/job-desk",
        "/en/editor/media",
        "/en/editor/tutorial",
        "/en/editor/banks",
        "/en/admin/content",
    ];

    [Theory]
    [MemberData(nameof(EditorPages))]
    public async Task Editor_pages_are_closed_to_visitors_and_learners(string path)
    {
        await using var app = new LearningApp(content: TestContent.Small());
        await app.CreateUserAsync("learner@example.org");

        using var anonymous = await app.CreateClient().GetAsync(path);
        Assert.StartsWith("/en/account/login", anonymous.Headers.Location?.OriginalString);

        var learner = app.CreateClient();
        await learner.LogInSuccessfullyAsync("learner@example.org");
        using var refused = await learner.GetAsync(path);
        Assert.StartsWith("/en/account/access-denied", refused.Headers.Location?.OriginalString);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task An_editor_writes_a_practice_submits_it_and_another_publishes_it_for_readers(Db db)
    {
        await using var app = new LearningApp(db, content: TestContent.Small());
        var writer = await LogInAsEditor(app, "writer@example.org");
        var publisher = await LogInAsEditor(app, "publisher@example.org");
        var reader = app.CreateClient();

        var form = await writer.GetPageAsync("/en/editor/practice");
        var preview = await writer.SubmitAndFollowAsync(form, "form.editor", [.. NewPractice(), ("handler", "Preview")]);
        Assert.Equal("Steps", preview.Text("#preview h3"));
        Assert.Equal(0, await CountItems(app, "job-cafe"));

        using var submitted = await writer.SubmitAsync(preview, "form.editor", [.. NewPractice(), ("handler", "Submit")]);
        var edit = submitted.Headers.Location!.OriginalString;
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("/en/toolbox/job-cafe-for-jobseekers")).StatusCode);
        Assert.Empty((await reader.GetPageAsync("/en/toolbox?q=cafe")).QuerySelectorAll(".toolbox__results .card"));

        var review = await publisher.GetPageAsync(edit);
        Assert.Equal("In review", review.Text("main p .badge"));
        await publisher.SubmitAndFollowAsync(review, "form.editor", ("handler", "Publish"));

        var page = await reader.GetPageAsync("/en/toolbox/job-cafe-for-jobseekers");
        Assert.Equal("Job café for jobseekers", page.Text("h1"));
        Assert.Single((await reader.GetPageAsync("/en/toolbox?q=CAFE")).QuerySelectorAll(".toolbox__results .card"));
        var author = await app.WithTenantAsync(sp => sp.GetRequiredService<LearningDbContext>().ContentVersions.Where(v => v.Title == "Job café for jobseekers").Select(v => v.Author).ToListAsync());
        Assert.Equal(["writer", "publisher"], author);
    }

    [Fact]
    public async Task A_form_that_breaks_the_rules_is_refused_and_saves_nothing()
    {
        await using var app = new LearningApp(content: TestContent.Small());
        var editor = await LogInAsEditor(app, "writer@example.org");
        var form = await editor.GetPageAsync("/en/editor/practice");

        var taken = await app.WithTenantAsync(sp => sp.GetRequiredService<LearningDbContext>().ContentItems.Where(i => i.Type == "practice" && i.SetId == "job-desk" && i.Culture == "en").Select(i => i.Slug).SingleAsync());
        var refused = await editor.SubmitAndFollowAsync(form, "form.editor", [.. NewPractice(("Input.Slug", taken)), ("handler", "Save")]);
        var badTheme = await editor.SubmitAndFollowAsync(form, "form.editor", [.. NewPractice(("Input.Themes", "astrology")), ("handler", "Save")]);

        Assert.Contains("Unknown themes 'astrology'", badTheme.Text(".validation-summary-errors"));
        Assert.Contains("already used", refused.Text(".validation-summary-errors"));
        Assert.Equal(0, await CountItems(app, "job-cafe"));
    }

    [Fact]
    public async Task Saving_makes_a_new_version_and_restoring_an_old_one_makes_another()
    {
        await using var app = new LearningApp(content: TestContent.Small());
        var editor = await LogInAsEditor(app, "writer@example.org");
        var id = await app.WithTenantAsync(sp => sp.GetRequiredService<LearningDbContext>().ContentItems.Where(i => i.Type == "practice" && i.SetId == "job-desk" && i.Culture == "en").Select(i => i.Id).SingleAsync());

        var edit = await editor.GetPageAsync($"/en/editor/practice/{id}");
        var original = edit.QuerySelector<IHtmlInputElement>("#Input_Title")!.Value;
        var published = await editor.SubmitAndFollowAsync(edit, "form.editor", ("Input.Title", "Bounce back, revised"), ("handler", "Publish"));
        Assert.True(published.QuerySelector(".alert--success") is not null, published.QuerySelector(".validation-summary-errors")?.TextContent);
        Assert.Equal("Bounce back, revised", (await app.CreateClient().GetPageAsync($"/en/toolbox/{await Slug(app, id)}")).Text("h1"));

        var history = await editor.GetPageAsync($"/en/editor/items/{id}/history");
        Assert.Equal(2, history.QuerySelectorAll("tbody tr").Length);
        var restored = await editor.SubmitAndFollowAsync(history, "form[action*='number=1']");

        Assert.Equal(3, restored.QuerySelectorAll("tbody tr").Length);
        var versions = await app.WithTenantAsync(sp => sp.GetRequiredService<LearningDbContext>().ContentVersions.Where(v => v.ItemId == id).OrderBy(v => v.Number).Select(v => new { v.Title, v.Note, v.Author }).ToListAsync());
        Assert.Equal([original, "Bounce back, revised", original], versions.Select(v => v.Title));
        Assert.Equal("Restored version 1", versions[2].Note);
        // Restored as a draft: readers still see the published version 2.
        Assert.Equal("Bounce back, revised", (await app.CreateClient().GetPageAsync($"/en/toolbox/{await Slug(app, id)}")).Text("h1"));
    }

    [Theory]
    [InlineData("practice", "rebondir", "/en/editor/practice/")]
    [InlineData("tutorial", "spoc-skills-validation", "/en/editor/tutorial/")]
    [InlineData("mooc-part", "part-1", "/en/editor/mooc-part/")]
    [InlineData("glossary", "brussels-services", "/en/editor/glossary/")]
    public async Task The_history_of_an_item_leads_to_the_editor_of_that_very_item(string type, string set, string editor)
    {
        await using var app = new LearningApp();
        var client = await LogInAsEditor(app, "writer@example.org");
        var item = await app.WithTenantAsync(sp => sp.GetRequiredService<LearningDbContext>().ContentItems
            .Where(i => i.Type == type && i.SetId == set && i.Culture == "en")
            .Select(i => new { i.Id, i.Versions.Single(v => v.Number == i.LatestVersionNumber).Title }).SingleAsync());

        var history = await client.GetPageAsync($"/en/editor/items/{item.Id}/history");
        var edit = history.QuerySelectorAll("main a").Single(a => a.TextContent == "Edit").GetAttribute("href")!;
        var page = await client.GetPageAsync(edit);

        Assert.Equal(editor + item.Id, edit);
        Assert.Equal(item.Title, page.QuerySelector<IHtmlInputElement>("#Input_Title")!.Value);
    }

    [Fact]
    public async Task An_archived_practice_leaves_the_toolbox_at_once_and_publishing_brings_it_back()
    {
        await using var app = new LearningApp(content: TestContent.Small());
        var editor = await LogInAsEditor(app, "writer@example.org");
        var reader = app.CreateClient();
        var id = await app.WithTenantAsync(sp => sp.GetRequiredService<LearningDbContext>().ContentItems.Where(i => i.Type == "practice" && i.SetId == "digital-check" && i.Culture == "en").Select(i => i.Id).SingleAsync());
        var address = $"/en/toolbox/{await Slug(app, id)}";
        var title = TestContent.Title("digital-check", "en");
        await reader.GetPageAsync(address); // cached for visitors
        Assert.Contains(title, (await reader.GetPageAsync("/en/toolbox")).Text(".toolbox__results"));

        var edit = await editor.GetPageAsync($"/en/editor/practice/{id}");
        var archived = await editor.SubmitAndFollowAsync(edit, "form[action*='handler=Archive']");
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync(address)).StatusCode);
        Assert.DoesNotContain(title, (await reader.GetPageAsync("/en/toolbox")).Text(".toolbox__results"));

        await editor.SubmitAndFollowAsync(archived, "form.editor", ("handler", "Publish"));
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(address)).StatusCode);
    }

    [Fact]
    public async Task An_editor_of_one_tenant_can_do_nothing_in_another()
    {
        await using var app = new LearningApp(content: TestContent.Small());
        var admin = await AdministrationTests.LogInAsAdministrator(app);
        await TenantTests.CreateTenant(app, admin, "east", Db.Sqlite, ("Input.UrlPrefix", "east"));
        var editor = await LogInAsEditor(app, "writer@example.org");
        var eastItem = await app.WithTenantAsync(sp => sp.GetRequiredService<LearningDbContext>().ContentItems.Select(i => i.Id).FirstAsync(), "east");

        foreach (var path in new[] { "/east/en/editor", $"/east/en/editor/practice/{eastItem}", "/east/en/editor/media" })
        {
            using var response = await editor.GetAsync(path);
            Assert.StartsWith("/east/en/account/login", response.Headers.Location?.OriginalString);
        }

        using var post = await editor.PostAsync($"/east/en/editor/practice/{eastItem}?handler=Archive", new FormUrlEncodedContent([]));
        Assert.NotEqual(HttpStatusCode.OK, post.StatusCode);
        var statuses = await app.WithTenantAsync(sp => sp.GetRequiredService<LearningDbContext>().ContentItems.Select(i => i.Status).ToListAsync(), "east");
        Assert.NotEmpty(statuses);
        Assert.DoesNotContain(ContentStatus.Archived, statuses);
    }

    [Fact]
    public async Task The_translation_view_shows_missing_and_outdated_cultures()
    {
        await using var app = new LearningApp(content: TestContent.Small());
        var editor = await LogInAsEditor(app, "writer@example.org");
        await ContentImportTests.Import(app, sp => sp.GetRequiredService<ContentImporter>().ImportAsync(
            [("toolbox/pair/fr.md", ContentImportTests.Sheet("pair", "fr", "paire")), ("toolbox/pair/en.md", ContentImportTests.Sheet("pair", "en", "pair"))], default));

        var before = await editor.GetPageAsync("/en/editor/sets/pair");
        Assert.Empty(before.QuerySelectorAll(".status-outdated"));
        Assert.Equal(4, before.QuerySelectorAll(".status-missing").Length);

        // The source (French) publishes a new version: the English translation is now outdated.
        await ContentImportTests.Import(app, sp => sp.GetRequiredService<ContentImporter>().ImportAsync(
            [("toolbox/pair/fr.md", ContentImportTests.Sheet("pair", "fr", "paire").Replace("Text.", "Texte corrigé."))], default));
        var after = await editor.GetPageAsync("/en/editor/sets/pair");

        Assert.NotNull(after.QuerySelector("[data-culture=en] .status-outdated"));
        Assert.Null(after.QuerySelector("[data-culture=fr] .status-outdated"));
    }

    [Fact]
    public async Task A_set_goes_out_as_xliff_and_comes_back_as_a_draft_translation()
    {
        await using var app = new LearningApp(content: TestContent.Small());
        var editor = await LogInAsEditor(app, "writer@example.org");
        await ContentImportTests.Import(app, sp => sp.GetRequiredService<ContentImporter>().ImportAsync(
            [("toolbox/solo/fr.md", ContentImportTests.Sheet("solo", "fr", "solo-fr"))], default));

        var xliff = XDocument.Parse(await editor.GetStringAsync("/en/editor/sets/solo?handler=Xliff&target=hu"));
        XNamespace ns = "urn:oasis:names:tc:xliff:document:2.0";
        Assert.Equal("2.0", xliff.Root!.Attribute("version")!.Value);
        Assert.Equal("hu", xliff.Root.Attribute("trgLang")!.Value);
        var segments = xliff.Descendants(ns + "segment").ToList();
        Assert.NotEmpty(segments);
        foreach (var unit in segments)
        {
            unit.Add(new XElement(ns + "target", "HU " + unit.Element(ns + "source")!.Value));
        }

        var page = await editor.GetPageAsync("/en/editor/sets/solo");
        var imported = await Upload(editor, page, "form[enctype]", "solo.xlf", Encoding.UTF8.GetBytes(xliff.ToString()));
        Assert.Equal(HttpStatusCode.Redirect, imported.StatusCode);

        var hungarian = await app.WithTenantAsync(sp => sp.GetRequiredService<LearningDbContext>().ContentItems.Include(i => i.Versions).SingleAsync(i => i.SetId == "solo" && i.Culture == "hu"));
        Assert.Equal(ContentStatus.Draft, hungarian.Status);
        Assert.Equal("HU Titre", hungarian.Versions.Single().Title);
        Assert.Contains("\"place\":\"HU Bruxelles\"", hungarian.Versions.Single().Fields);

        var broken = await Upload(editor, page, "form[enctype]", "broken.xlf", "<xliff version=\"2.0\"><file"u8.ToArray());
        Assert.Equal(HttpStatusCode.OK, broken.StatusCode);
        Assert.Contains("Line 1", (await Browser.ParseAsync(broken)).Text(".alert--error"));
    }

    [Fact]
    public async Task The_content_list_offers_to_start_an_item_of_each_registered_type_in_its_editor()
    {
        await using var app = new LearningApp();
        var editor = await LogInAsEditor(app, "writer@example.org");

        var list = await editor.GetPageAsync("/fr/editor");

        var actions = list.QuerySelectorAll("main .actions a.button");
        Assert.Equal(["Nouvelle pratique", "Nouveau tutoriel", "Nouvelle partie du MOOC", "Nouveau glossaire"], actions.Select(a => a.TextContent));
        Assert.Equal(["/fr/editor/practice", "/fr/editor/tutorial", "/fr/editor/mooc-part", "/fr/editor/glossary"], actions.Select(a => a.GetAttribute("href")));
        foreach (var action in actions)
        {
            Assert.Empty((await editor.GetPageAsync(action.GetAttribute("href")!)).QuerySelector<IHtmlInputElement>("#Input_Title")!.Value);
        }

        Assert.Equal(["glossaire des services", "partie du MOOC", "pratique", "tutoriel"], list.QuerySelectorAll("tbody th .badge").Select(b => b.TextContent).Distinct().Order());
    }

    [Fact]
    public async Task A_sets_address_without_a_type_shows_the_translations_of_the_type_the_set_holds()
    {
        await using var app = new LearningApp();
        var editor = await LogInAsEditor(app, "writer@example.org");

        var page = await editor.GetPageAsync("/en/editor/sets/part-2");

        var edits = page.QuerySelectorAll(".translations a").Where(a => a.TextContent == "Edit").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Equal(6, edits.Count);
        Assert.All(edits, href => Assert.StartsWith("/en/editor/mooc-part/", href));
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync("/en/editor/sets/part-2?type=tutorial")).StatusCode);
    }

    [Fact]
    public async Task An_xliff_file_that_does_not_name_its_type_translates_the_item_whose_translations_page_receives_it()
    {
        await using var app = new LearningApp();
        var editor = await LogInAsEditor(app, "writer@example.org");
        var address = "/en/editor/sets/spoc-skills-validation?type=tutorial";
        var xliff = XDocument.Parse(await editor.GetStringAsync(address + "&handler=Xliff&target=it"));
        XNamespace ns = "urn:oasis:names:tc:xliff:document:2.0";
        var file = xliff.Descendants(ns + "file").Single();
        Assert.Equal("tutorial", file.Attribute("original")!.Value);
        file.Attribute("original")!.Remove(); // as some translation tools send it back
        foreach (var unit in xliff.Descendants(ns + "segment"))
        {
            unit.Element(ns + "target")?.Remove();
            unit.Add(new XElement(ns + "target", "IT " + unit.Element(ns + "source")!.Value));
        }

        using var imported = await Upload(editor, await editor.GetPageAsync(address), "form[enctype]", "tutorial.xlf", Encoding.UTF8.GetBytes(xliff.ToString()));

        Assert.Equal(HttpStatusCode.Redirect, imported.StatusCode);
        var italian = await app.WithTenantAsync(sp => sp.GetRequiredService<LearningDbContext>().ContentItems
            .Where(i => i.Type == "tutorial" && i.SetId == "spoc-skills-validation" && i.Culture == "it")
            .Select(i => new { i.Status, i.Versions.Single(v => v.Number == i.LatestVersionNumber).Title }).SingleAsync());
        Assert.Equal(ContentStatus.Draft, italian.Status);
        Assert.StartsWith("IT ", italian.Title);
    }

    [Fact]
    public async Task An_xliff_translation_plays_its_own_cultures_narration_not_the_french_one_its_fields_came_from()
    {
        // Two French narrations: the site has the first in Hungarian too, the second only in French. The Italian
        // translation has a narration of its own for the first.
        var french = TestContent.Tutorial("fr").Replace("status: published", """
              - title: Only in French
                file: /videos/only-in-french.fr.webm
                cues:
                  - { start: "00:00:00.000", end: "00:00:05.000", text: "Seulement en français." }
            status: published
            """);
        await using var app = new LearningApp(content: TestContent.Only(
            ($"toolbox/{TestContent.TutorialSet}/fr.md", TestContent.Practice(TestContent.TutorialSet, "fr")),
            ($"toolbox/{TestContent.TutorialSet}/tutorial.fr.md", french),
            ($"toolbox/{TestContent.TutorialSet}/tutorial.it.md", TestContent.Tutorial("it").Replace("/videos/spoc-skills-validation.it.webm", "/media/narrazione.webm"))));
        var editor = await LogInAsEditor(app, "writer@example.org");
        var address = $"/en/editor/sets/{TestContent.TutorialSet}?type=tutorial";

        foreach (var culture in new[] { "hu", "it" })
        {
            var xliff = XDocument.Parse(await editor.GetStringAsync(address + $"&handler=Xliff&target={culture}"));
            XNamespace ns = "urn:oasis:names:tc:xliff:document:2.0";
            Assert.DoesNotContain(xliff.Descendants(ns + "source"), s => s.Value.Contains("/videos/", StringComparison.Ordinal)); // not a text to translate
            foreach (var unit in xliff.Descendants(ns + "segment"))
            {
                unit.Element(ns + "target")?.Remove();
                unit.Add(new XElement(ns + "target", culture.ToUpperInvariant() + " " + unit.Element(ns + "source")!.Value));
            }

            using var imported = await Upload(editor, await editor.GetPageAsync(address), "form[enctype]", "tutorial.xlf", Encoding.UTF8.GetBytes(xliff.ToString()));
            Assert.Equal(HttpStatusCode.Redirect, imported.StatusCode);
        }

        var files = await app.WithTenantAsync(sp => sp.GetRequiredService<LearningDbContext>().ContentItems
            .Where(i => i.Type == "tutorial" && i.SetId == TestContent.TutorialSet)
            .Select(i => new { i.Culture, i.Versions.Single(v => v.Number == i.LatestVersionNumber).Fields }).ToListAsync());
        string File(string culture, int video) => JsonNode.Parse(files.Single(f => f.Culture == culture).Fields)!["videos"]![video]!["file"]!.GetValue<string>();
        Assert.Equal("/videos/spoc-skills-validation.hu.webm", File("hu", 0)); // the site's Hungarian narration
        Assert.Equal("/media/narrazione.webm", File("it", 0)); // the translation's own, kept
        Assert.Equal("/videos/only-in-french.fr.webm", File("hu", 1)); // no other: the French voice under Hungarian subtitles
        Assert.Equal("/videos/only-in-french.fr.webm", File("it", 1));
        Assert.Equal("/videos/spoc-skills-validation.fr.webm", File("fr", 0));
    }

    [Fact]
    public async Task An_xliff_file_of_another_set_is_refused_and_saves_nothing()
    {
        await using var app = new LearningApp();
        var editor = await LogInAsEditor(app, "writer@example.org");
        await ContentImportTests.Import(app, sp => sp.GetRequiredService<ContentImporter>().ImportAsync(
            [("toolbox/solo/fr.md", ContentImportTests.Sheet("solo", "fr", "solo-fr")), ("toolbox/pair/fr.md", ContentImportTests.Sheet("pair", "fr", "paire"))], default));
        var xliff = XDocument.Parse(await editor.GetStringAsync("/en/editor/sets/solo?handler=Xliff&target=hu"));
        XNamespace ns = "urn:oasis:names:tc:xliff:document:2.0";
        foreach (var unit in xliff.Descendants(ns + "segment"))
        {
            unit.Add(new XElement(ns + "target", "HU " + unit.Element(ns + "source")!.Value));
        }

        using var refused = await Upload(editor, await editor.GetPageAsync("/en/editor/sets/pair"), "form[enctype]", "solo.xlf", Encoding.UTF8.GetBytes(xliff.ToString()));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal("This file translates another item: nothing was imported.", (await Browser.ParseAsync(refused)).Text(".alert--error"));
        Assert.Equal(0, await app.WithTenantAsync(sp => sp.GetRequiredService<LearningDbContext>().ContentItems.CountAsync(i => i.Culture == "hu" && (i.SetId == "solo" || i.SetId == "pair"))));
    }

    public static TheoryData<string, byte[], string> RefusedUploads => new()
    {
        { "script.exe", "MZ"u8.ToArray(), "not accepted" },
        { "photo.png", "<html>not a picture</html>"u8.ToArray(), "not a .png file" },
        { "sheet.pdf", Array.Empty<byte>(), "must not be empty" },
        { "captions.srt", "1\n00:00:01 -> 00:00:02\nHello\n"u8.ToArray(), "Line 2" },
    };

    [Theory]
    [MemberData(nameof(RefusedUploads))]
    public async Task A_bad_upload_is_refused_with_a_clear_message_and_stores_nothing(string name, byte[] content, string message)
    {
        await using var app = new LearningApp(content: TestContent.Small());
        var editor = await LogInAsEditor(app, "writer@example.org");
        var page = await editor.GetPageAsync("/en/editor/media");

        using var response = await Upload(editor, page, "form[enctype]", name, content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, (await Browser.ParseAsync(response)).Text(".alert--error"));
        Assert.Equal(0, await app.WithTenantAsync(sp => sp.GetRequiredService<LearningDbContext>().MediaFiles.CountAsync()));
    }

    [Fact]
    public async Task Srt_subtitles_are_stored_as_webvtt_and_served_to_anyone()
    {
        await using var app = new LearningApp(content: TestContent.Small());
        var editor = await LogInAsEditor(app, "writer@example.org");
        var page = await editor.GetPageAsync("/en/editor/media");
        var srt = "1\r\n00:00:01,000 --> 00:00:03,500\r\nBenvinguts!\r\n\r\n2\r\n00:00:04,000 --> 00:00:06,000\r\nSegona línia\r\ni tercera\r\n";

        using var uploaded = await Upload(editor, page, "form[enctype]", "captions ca.srt", Encoding.UTF8.GetBytes(srt));
        var library = await editor.GetPageAsync(uploaded.Headers.Location!.OriginalString);
        var address = library.QuerySelector("tbody a")!.GetAttribute("href")!;
        using var served = await app.CreateClient().GetAsync(address);

        Assert.Equal("captions-ca.vtt", library.Text("tbody a"));
        Assert.Equal("text/vtt", served.Content.Headers.ContentType?.MediaType);
        Assert.Equal("WEBVTT\n\n1\n00:00:01.000 --> 00:00:03.500\nBenvinguts!\n\n2\n00:00:04.000 --> 00:00:06.000\nSegona línia\ni tercera\n", await served.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_feed_and_the_sitemap_list_published_practices_with_their_translations()
    {
        await using var app = new LearningApp(content: TestContent.Small());
        var client = app.CreateClient();

        var feed = XDocument.Parse(await client.GetStringAsync("/ca/toolbox/feed.atom"));
        var sitemap = XDocument.Parse(await client.GetStringAsync("/sitemap.xml"));

        XNamespace atom = "http://www.w3.org/2005/Atom";
        var entries = feed.Descendants(atom + "entry").ToList();
        Assert.Equal(TestContent.Practices.Length, entries.Count);
        Assert.Equal(TestContent.Practices.Select(set => $"https://localhost/ca/toolbox/{TestContent.Slug(set, "ca")}").Order(), entries.Select(e => e.Element(atom + "link")!.Attribute("href")!.Value).Order());
        XNamespace sm = "http://www.sitemaps.org/schemas/sitemap/0.9";
        XNamespace xhtml = "http://www.w3.org/1999/xhtml";
        var urls = sitemap.Descendants(sm + "url").ToList();
        Assert.Equal((TestContent.Practices.Length + 2) * 6, urls.Count); // the practices, the home page and the toolbox, in six cultures
        var hungarian = urls.Single(u => u.Element(sm + "loc")!.Value.EndsWith("/hu/toolbox/" + TestContent.Slug("digital-check", "hu")));
        Assert.Equal(6, hungarian.Elements(xhtml + "link").Count());
    }

    /// <summary>The fields of a new practice, with some replaced.</summary>
    internal static IEnumerable<(string Name, string Value)> NewPractice(params (string Name, string Value)[] replaced) =>
        NewPracticeFields().Where(f => replaced.All(r => r.Name != f.Name)).Concat(replaced);

    private static IEnumerable<(string Name, string Value)> NewPracticeFields() =>
    [
        ("Input.SetId", "job-cafe"), ("Input.Culture", "en"), ("Input.Slug", "job-cafe-for-jobseekers"),
        ("Input.Title", "Job café for jobseekers"), ("Input.Summary", "A weekly café where jobseekers meet employers informally."),
        ("Input.Organisations", "Maison de l'Emploi de Forest"), ("Input.Country", "BE"), ("Input.Place", "Forest"),
        ("Input.Themes", "employer-engagement"), ("Input.TargetPublics", "jobseekers"), ("Input.ActionTypes", "event"),
        ("Input.Body", "## Description\nA café.\n\n### Steps\n1. Book a room.\n"),
    ];

    internal static async Task<HttpClient> LogInAsEditor(LearningApp app, string email)
    {
        await app.CreateUserAsync(email, null, Roles.Editor);
        var client = app.CreateClient();
        await client.LogInSuccessfullyAsync(email);
        return client;
    }

    internal static async Task<HttpResponseMessage> Upload(HttpClient client, IHtmlDocument page, string formSelector, string name, byte[] content)
    {
        var form = page.QuerySelector<IHtmlFormElement>(formSelector)!;
        using var body = new MultipartFormDataContent();
        body.Add(new StringContent(form.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value), "__RequestVerificationToken");
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        body.Add(file, "upload", name);
        return await client.PostAsync(form.Action, body);
    }

    private static Task<int> CountItems(LearningApp app, string set) =>
        app.WithTenantAsync(sp => sp.GetRequiredService<LearningDbContext>().ContentItems.CountAsync(i => i.SetId == set));

    internal static Task<string> Slug(LearningApp app, int id) =>
        app.WithTenantAsync(sp => sp.GetRequiredService<LearningDbContext>().ContentItems.Where(i => i.Id == id).Select(i => i.Slug).SingleAsync());
}
