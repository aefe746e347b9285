using System.Diagnostics;
using System.Net;
using System.Xml.Linq;
using AngleSharp.Html.Dom;
using Learning.Modules.Content;
using Learning.Modules.Toolbox;
using Learning.Tests.Content;
using Learning.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Learning.Tests.Toolbox;

public sealed class ToolboxTests
{
    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Search_ignores_accents_and_case_in_the_readers_culture(Db db)
    {
        await using var app = new LearningApp(db, content: TestContent.Small());
        await ContentImportTests.Import(app, sp => sp.GetRequiredService<ContentImporter>().ImportAsync(
            [("toolbox/pupils/fr.md", ContentImportTests.Sheet("pupils", "fr", "eleves-et-parents", "## Description\nUn atelier pour chaque Élève et ses parents.\n"))], default));
        var client = app.CreateClient();

        var hungarian = await client.GetPageAsync("/hu/toolbox?q=MUNKANELKULI");
        var french = await client.GetPageAsync("/fr/toolbox?q=eleve");
        var frenchDigital = await client.GetPageAsync("/fr/toolbox?q=numerique");
        var nothing = await client.GetPageAsync("/es/toolbox?q=zzzzzz");

        Assert.Single(hungarian.QuerySelectorAll(".toolbox__results .card"));
        Assert.Contains(TestContent.Title("partners-day", "hu"), hungarian.Text(".toolbox__results")); // "munkanélküli" in its text
        Assert.Single(french.QuerySelectorAll(".toolbox__results .card"));
        Assert.Single(frenchDigital.QuerySelectorAll(".toolbox__results .card"));
        Assert.Contains(TestContent.Title("digital-check", "fr"), frenchDigital.Text(".toolbox__results"));
        Assert.Empty(nothing.QuerySelectorAll(".toolbox__results .card"));
        var links = hungarian.QuerySelectorAll(".card a");
        Assert.NotEmpty(links);
        Assert.All(links, a => Assert.StartsWith("/hu/toolbox/", a.GetAttribute("href")));
    }

    [Fact]
    public async Task Facet_counts_follow_the_search_and_a_ticked_value_gives_as_many_practices_as_it_counted()
    {
        await using var app = new LearningApp(content: TestContent.Small());
        var client = app.CreateClient();

        var all = await client.GetPageAsync("/en/toolbox");
        var searched = await client.GetPageAsync("/en/toolbox?q=neighbourhood");
        var digitalCount = Count(all, "theme", "digital-inclusion");
        var filtered = await client.GetPageAsync("/en/toolbox?theme=digital-inclusion");

        Assert.Equal(TestContent.Practices.Length, all.QuerySelectorAll(".toolbox__results .card").Length);
        Assert.Equal(1, digitalCount);
        Assert.Equal(digitalCount, filtered.QuerySelectorAll(".toolbox__results .card").Length);
        Assert.Equal(2, Count(all, "theme", "networking"));
        Assert.Single(searched.QuerySelectorAll(".toolbox__results .card")); // the job desk, about guidance and networking
        Assert.Equal(1, Count(searched, "theme", "networking"));
        Assert.Equal(0, Count(searched, "theme", "digital-inclusion"));
        Assert.Equal(TestContent.Practices.Length, Count(all, "lang", "hu"));
        Assert.True(filtered.QuerySelector<IHtmlInputElement>("input[name=theme][value=digital-inclusion]")!.IsChecked);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_practice_page_shows_its_sections_and_links_to_each_translation_and_its_pdf(Db db)
    {
        await using var app = new LearningApp(db, content: TestContent.Small());
        var client = app.CreateClient();

        var page = await client.GetPageAsync($"/hu/toolbox/{TestContent.Slug("job-desk", "hu")}");

        Assert.Equal("hu", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal(TestContent.Title("job-desk", "hu"), page.Text("h1"));
        Assert.Equal(["Leírás", "Megvalósítás", "Eredmények és számadatok", "Tanácsok az átvételhez"], page.QuerySelectorAll(".practice__body h2").Select(h => h.TextContent).ToList());
        Assert.Equal($"/fr/toolbox/{TestContent.Slug("job-desk", "fr")}", page.QuerySelector(".language-picker a[hreflang=fr]")!.GetAttribute("href"));
        Assert.EndsWith($"/es/toolbox/{TestContent.Slug("job-desk", "es")}", page.QuerySelector("link[rel=alternate][hreflang=es]")!.GetAttribute("href"));
        Assert.Equal($"/hu/toolbox/{TestContent.Slug("digital-check", "hu")}", page.QuerySelector("section a[href^='/hu/toolbox/']")!.GetAttribute("href")); // the related practice
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/hu/toolbox/no-such-practice")).StatusCode);
    }

    [Fact]
    public async Task The_pdf_is_a_real_pdf_whose_text_holds_the_hungarian_title()
    {
        await using var app = new LearningApp(content: TestContent.Small());
        var client = app.CreateClient();

        using var response = await client.GetAsync($"/hu/toolbox/{TestContent.Slug("digital-check", "hu")}?handler=Pdf");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var file = Path.Combine(app.DataPath, "sheet.pdf");
        await File.WriteAllBytesAsync(file, bytes);
        var text = Run("pdftotext", $"-enc UTF-8 {file} -");
        Assert.Contains("készségfelmérő", text); // of the title, "Digitális készségfelmérő"
        Assert.Contains("Megvalósítás", text);
        Assert.Contains("DejaVu", Run("pdffonts", file));
    }

    [Fact]
    public async Task Script_in_any_text_field_is_shown_as_text_and_never_runs()
    {
        await using var app = new LearningApp(content: TestContent.Small());
        const string payload = "<script>alert(1)</script><img src=x onerror=alert(2)>";
        var sheet = ContentImportTests.Sheet("xss", "en", "xss-attempt",
                "## Description\n" + payload + "\n\n[click](javascript:alert(3)) [ok](https://example.org) <javascript:alert(4)>\n")
            .Replace("title: Titre", "title: \"" + payload.Replace("\"", "\\\"") + "\"")
            .Replace("place: Bruxelles", "place: \"" + payload + "\"")
            .Replace("period: \"2024\"", "period: \"" + payload + "\"")
            .Replace("organisations: [Mission Locale]", "organisations: [\"" + payload + "\"]")
            .Replace("status: published", "contact: \"" + payload + "\"\nstatus: published")
            .Replace("summary: Un résumé assez long pour une carte.", "summary: \"" + payload + "\"");
        var result = await ContentImportTests.Import(app, sp => sp.GetRequiredService<ContentImporter>().ImportAsync([("toolbox/xss/en.md", sheet)], default));
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        var client = app.CreateClient();

        foreach (var path in new[] { "/en/toolbox/xss-attempt", "/en/toolbox", "/en/toolbox?q=script" })
        {
            var html = await client.GetStringAsync(path);
            Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<img src=x", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        }

        var page = await client.GetPageAsync("/en/toolbox/xss-attempt");
        Assert.Contains("<script>alert(1)</script>", page.Text("h1"));
        Assert.Equal(4, page.QuerySelectorAll(".facts dd").Count(dd => dd.TextContent.Contains("<script>alert(1)</script>")));
        Assert.Equal("https://example.org", page.QuerySelectorAll(".practice__body a").Single(a => a.TextContent == "ok").GetAttribute("href"));
        Assert.Equal("#", page.QuerySelectorAll(".practice__body a").Single(a => a.TextContent == "click").GetAttribute("href"));
    }

    [Fact]
    public async Task Drafts_and_archived_items_never_reach_readers()
    {
        await using var app = new LearningApp(content: TestContent.Small());
        await ContentImportTests.Import(app, sp => sp.GetRequiredService<ContentImporter>().ImportAsync(
        [
            ("toolbox/unfinished/en.md", ContentImportTests.Sheet("unfinished", "en", "unfinished-draft").Replace("status: published", "status: draft")),
            ("toolbox/old/en.md", ContentImportTests.Sheet("old", "en", "old-archived").Replace("status: published", "status: archived")),
        ], default));
        var client = app.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/en/toolbox/unfinished-draft")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/en/toolbox/old-archived")).StatusCode);
        var list = await client.GetPageAsync("/en/toolbox?q=titre");
        Assert.Empty(list.QuerySelectorAll(".toolbox__results .card"));
    }

    [Fact]
    public async Task A_publication_reaches_readers_at_once_through_the_output_cache()
    {
        await using var app = new LearningApp(content: TestContent.Small());
        var client = app.CreateClient();
        var path = $"/en/toolbox/{TestContent.Slug("job-desk", "en")}";
        var before = await client.GetPageAsync(path);

        // A change behind the publisher's back is not seen: the page comes from the cache…
        await app.WithTenantAsync(sp => sp.GetRequiredService<Learning.Modules.Data.LearningDbContext>().Database
            .ExecuteSqlRawAsync("UPDATE \"ContentVersions\" SET \"Title\" = 'Changed behind the back'"));
        Assert.Equal(before.Text("h1"), (await client.GetPageAsync(path)).Text("h1"));

        var original = TestContent.Practice("job-desk", "en");
        var changed = System.Text.RegularExpressions.Regex.Replace(original, "^title: .*$", "title: Networking 360°, second edition", System.Text.RegularExpressions.RegexOptions.Multiline);
        Assert.NotEqual("Networking 360°, second edition", before.Text("h1"));
        // …while a publication evicts it.
        await ContentImportTests.Import(app, sp => sp.GetRequiredService<ContentImporter>().ImportAsync([("toolbox/job-desk/en.md", changed)], default));

        Assert.Equal("Networking 360°, second edition", (await client.GetPageAsync(path)).Text("h1"));
    }

    [Fact]
    public async Task Signed_in_people_never_get_a_page_cached_for_visitors_nor_the_other_way_round()
    {
        await using var app = new LearningApp(content: TestContent.Small());
        await app.CreateUserAsync("learner@example.org");
        var visitor = app.CreateClient();
        var learner = app.CreateClient();
        await learner.LogInSuccessfullyAsync("learner@example.org");

        await visitor.GetPageAsync("/en/toolbox");
        var forLearner = await learner.GetPageAsync("/en/toolbox");
        var forVisitor = await app.CreateClient().GetPageAsync("/en/toolbox");

        Assert.NotNull(forLearner.QuerySelector(".account-nav form[action='/en/account/logout']"));
        Assert.Null(forVisitor.QuerySelector(".account-nav form"));
    }

    [Fact]
    public async Task A_practice_missing_in_a_culture_is_shown_in_french_with_a_notice()
    {
        await using var app = new LearningApp(content: TestContent.Small());
        await ContentImportTests.Import(app, sp => sp.GetRequiredService<ContentImporter>().ImportAsync(
            [("toolbox/only-french/fr.md", ContentImportTests.Sheet("only-french", "fr", "seulement-en-francais"))], default));
        var client = app.CreateClient();

        var list = await client.GetPageAsync("/it/toolbox?q=titre");
        var page = await client.GetPageAsync("/it/toolbox/seulement-en-francais");

        Assert.Single(list.QuerySelectorAll(".card .badge[lang=it]"));
        Assert.Equal("fr", page.QuerySelector("article")!.GetAttribute("lang"));
        Assert.NotNull(page.QuerySelector("p.alert[role=note]"));
    }

    [Fact]
    public void Every_facet_label_is_translated_in_the_five_other_cultures()
    {
        var labels = PracticeVocabulary.Facets.SelectMany(f => f.Labels.Values.Append(f.Title)).Append("Languages available").ToList();
        Assert.NotEmpty(labels);
        foreach (var culture in new[] { "", ".fr", ".es", ".ca", ".it", ".hu" })
        {
            var file = Path.Combine(Repository.Root, "src", "Learning.Modules", "Toolbox", $"ToolboxStrings{culture}.resx");
            var keys = XDocument.Load(file).Root!.Elements("data").Select(d => d.Attribute("name")!.Value).ToHashSet();
            Assert.All(labels, label => Assert.Contains(label, keys));
        }
    }

    private static int Count(IHtmlDocument page, string facet, string value)
    {
        var input = page.QuerySelector($"input[name={facet}][value={value}]");
        if (input is null)
        {
            return 0;
        }

        var count = input.ParentElement!.QuerySelector(".count")!.TextContent.Trim('(', ')');
        return int.Parse(count);
    }

    private static string Run(string program, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true })!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        return output;
    }
}
