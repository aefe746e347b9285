using System.Net;
using Learning.Modules.Content;
using Learning.Modules.Data;
using Learning.Modules.Mooc.Glossary;
using Learning.Tests.Accounts;
using Learning.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Learning.Tests.Mooc;

/// <summary>The glossary of services: its page and filter, its anchors, the links to it from the course and beside
/// practices, and the import of its files.</summary>
public sealed class GlossaryTests
{
    /// <summary>The small course, whose part 1 links its service to Actiris (and one to an entry the glossary lacks),
    /// whose case names the CPAS and "one" child, and whose job-desk practice names Actiris and the CPAS.</summary>
    private static TestContent Content(bool withGlossary = true)
    {
        var content = TestContent.Small();
        foreach (var culture in TestContent.Cultures)
        {
            var part = TestContent.Part(1, culture, 6)
                .Replace($"note: \"What it does ({culture}).\" }}", $"note: \"What it does ({culture}).\", glossary: actiris }}\n    - {{ title: \"Another service ({culture})\", note: \"Not in the glossary ({culture}).\", glossary: not-there }}")
                .Replace($"\"40 years old ({culture})\"", $"\"40 years old, one child ({culture})\"")
                .Replace($"\"Lives alone ({culture})\"", $"\"Lives alone, helped by the CPAS ({culture})\"");
            content.With($"mooc/part-1/part.{culture}.md", part);
            content.With($"toolbox/job-desk/{culture}.md", TestContent.Practice("job-desk", culture).Replace($"Start small ({culture}).", $"Start small with Actiris and the CPAS ({culture})."));
        }

        if (withGlossary)
        {
            content.With("glossary/brussels-services/glossary.fr.md", TestContent.Glossary("fr")).With("glossary/brussels-services/glossary.en.md", TestContent.Glossary("en"));
        }

        return content;
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task The_glossary_page_lists_each_service_under_its_anchor_and_filters_with_a_plain_query(Db db)
    {
        await using var app = new LearningApp(db, content: Content());
        var client = app.CreateClient();

        var page = await client.GetPageAsync("/en/glossary");
        Assert.Equal("Services (en)", page.Text("h1"));
        Assert.Equal(["actiris", "cpas", "missions-locales", "one"], page.QuerySelectorAll(".glossary__entry").Select(e => e.Id!));
        Assert.Equal(["#actiris", "#cpas", "#missions-locales", "#one"], page.QuerySelectorAll(".glossary__index a").Select(a => a.GetAttribute("href")!));
        Assert.Equal("4 services", page.Text("[role=status]"));
        Assert.Equal("Centre public d'action sociale", page.Text("#cpas .glossary__full-name"));
        Assert.Equal("https://www.actiris.brussels", page.QuerySelector("#actiris a")!.GetAttribute("href"));
        Assert.Null(page.QuerySelector("#cpas a")); // no address unless the file gives one
        Assert.NotNull(page.QuerySelector("form[method=get][role=search] label[for=q] + .hint + .actions input#q[name=q]"));
        Assert.NotNull(page.QuerySelector(".site-nav a[href='/en/glossary']"));
        Assert.Contains("Where these entries come from (en).", page.Text(".glossary__about"));

        // Words of the name, full name or text, as prefixes, without case or accents; every word must match.
        var jobseekers = await client.GetPageAsync("/en/glossary?q=JOBSEEK");
        Assert.Equal(["actiris", "missions-locales"], jobseekers.QuerySelectorAll(".glossary__entry").Select(e => e.Id!));
        Assert.Equal("2 of 4 services match “JOBSEEK”", jobseekers.Text("[role=status]"));
        Assert.Equal("JOBSEEK", jobseekers.QuerySelector("input#q")!.GetAttribute("value"));
        Assert.NotNull(jobseekers.QuerySelector("main a[href='/en/glossary']"));
        Assert.Equal(["cpas"], (await client.GetPageAsync("/en/glossary?q=centre+action")).QuerySelectorAll(".glossary__entry").Select(e => e.Id!));
        Assert.Equal(["actiris"], (await client.GetPageAsync("/en/glossary?q=jobseekers+places")).QuerySelectorAll(".glossary__entry").Select(e => e.Id!));

        // Nothing found: said, with the way back; what was typed comes back as text, never as markup.
        var nothing = await client.GetPageAsync("/en/glossary?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E");
        Assert.Empty(nothing.QuerySelectorAll(".glossary__entry"));
        Assert.Equal("0 of 4 services match “<script>alert(1)</script>”", nothing.Text("[role=status]"));
        Assert.Empty(nothing.QuerySelectorAll("main script"));
        Assert.Contains("No service matches", nothing.Text("main"));

        // Not translated into Hungarian: the French glossary, with the notice, under the Hungarian address.
        var hungarian = await client.GetPageAsync("/hu/glossary");
        Assert.Equal("Services (fr)", hungarian.Text("h1"));
        Assert.NotNull(hungarian.QuerySelector(".alert[role=note]"));
        Assert.Null(page.QuerySelector(".alert[role=note]"));
    }

    [Fact]
    public async Task Without_a_glossary_its_page_is_not_found_and_the_course_links_to_nothing()
    {
        await using var app = new LearningApp(content: Content(withGlossary: false));
        var client = app.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/en/glossary")).StatusCode);
        var part = await client.GetPageAsync("/en/mooc/part-1");
        Assert.Empty(part.QuerySelectorAll(".documents__glossary"));
        Assert.Null((await client.GetPageAsync($"/en/toolbox/{TestContent.Slug("job-desk", "en")}")).QuerySelector("[data-testid=glossary-aside]"));
    }

    [Fact]
    public async Task The_document_bank_a_case_and_a_practice_link_to_the_entries_they_name()
    {
        await using var app = new LearningApp(content: Content());
        var client = app.CreateClient();

        // The bank: the service that names an entry links to it; the one whose entry is missing links nowhere.
        var part = await client.GetPageAsync("/fr/mooc/part-1");
        var link = Assert.Single(part.QuerySelectorAll(".documents__glossary"));
        Assert.Equal("/fr/glossary#actiris", link.GetAttribute("href"));
        Assert.Equal("Actiris dans le glossaire", link.TextContent.Trim());

        // A practice: the services its sheet names, by their names as written ("ONE" is not the word "one").
        var practice = await client.GetPageAsync($"/en/toolbox/{TestContent.Slug("job-desk", "en")}");
        Assert.Equal(["/en/glossary#actiris", "/en/glossary#cpas"], practice.QuerySelectorAll("[data-testid=glossary-aside] li a").Select(a => a.GetAttribute("href")!));
        Assert.Null((await client.GetPageAsync($"/en/toolbox/{TestContent.Slug("digital-check", "en")}")).QuerySelector("[data-testid=glossary-aside]"));

        // A case: the services its persona names, for an enrolled learner; other kinds of activity show none.
        await app.CreateUserAsync("learner@example.org");
        await client.LogInSuccessfullyAsync("learner@example.org");
        await client.SubmitAsync(await client.GetPageAsync("/en/mooc"), "form:has([data-testid=enrol])");
        var caseStudy = await client.GetPageAsync("/en/mooc/part-1/activities/p1-a03");
        Assert.Equal(["/en/glossary#cpas"], caseStudy.QuerySelectorAll(".case-services li a").Select(a => a.GetAttribute("href")!));
        Assert.Equal("CPAS", caseStudy.Text(".case-services li a"));
        Assert.Null((await client.GetPageAsync("/en/mooc/part-1/activities/p1-a01")).QuerySelector(".case-services"));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_bad_glossary_file_is_refused_with_its_line_and_changes_nothing_and_a_good_one_shows_at_once(Db db)
    {
        await using var app = new LearningApp(db, content: Content());
        var client = app.CreateClient();
        Assert.Equal(4, (await client.GetPageAsync("/en/glossary")).QuerySelectorAll(".glossary__entry").Length);

        var wrong = TestContent.Glossary("en").Replace("    does: \"Help for early childhood (en).\"\n", "    does: \"Help for early childhood (en).\"\n  - id: actiris\n    name: Actiris again\n    does: \"Twice.\"\n  - id: Bad Id\n    name: \"\"\n    does: \"\"\n  - id: pcs\n    name: PCS\n    does: \"Projects.\"\n    url: http://example.org\n");
        var (result, before, after) = await app.WithTenantAsync(async sp =>
        {
            var db = sp.GetRequiredService<LearningDbContext>();
            var versions = await db.Set<ContentVersion>().CountAsync();
            var imported = await sp.GetRequiredService<ContentImporter>().ImportAsync([("glossary/brussels-services/glossary.en.md", wrong), ("glossary/other/glossary.fr.md", TestContent.Glossary("fr").Replace("set: brussels-services", "set: other"))], default);
            return (imported, versions, await db.Set<ContentVersion>().CountAsync());
        });

        Assert.False(result.Succeeded);
        var messages = result.Errors.Select(e => e.ToString()).ToList();
        Assert.Contains("glossary/brussels-services/glossary.en.md:8: The id 'actiris' is used by more than one entry.", messages);
        Assert.Contains("glossary/brussels-services/glossary.en.md:8: Entry 'Bad Id': the id must be lower-case letters, digits and dashes (at most 40).", messages);
        Assert.Contains("glossary/brussels-services/glossary.en.md:8: Entry 'Bad Id': it needs a name and what the service does ('does').", messages);
        Assert.Contains("glossary/brussels-services/glossary.en.md:8: Entry 'pcs': the address 'http://example.org' must start with https://.", messages);
        Assert.Contains("glossary/other/glossary.fr.md:3: The glossary's set is 'brussels-services': the site has one glossary.", messages);
        Assert.Equal(before, after);
        Assert.Equal(4, (await client.GetPageAsync("/en/glossary")).QuerySelectorAll(".glossary__entry").Length);

        // A good file: published, and the page (cached for visitors) shows it at once.
        var good = TestContent.Glossary("en").Replace("    does: \"Help for early childhood (en).\"\n", "    does: \"Help for early childhood (en).\"\n  - id: pcs\n    name: PCS\n    does: \"Social cohesion projects (en).\"\n");
        var ok = await app.WithTenantAsync(sp => sp.GetRequiredService<ContentImporter>().ImportAsync([("glossary/brussels-services/glossary.en.md", good)], default));
        Assert.True(ok.Succeeded, string.Join('\n', ok.Errors));
        Assert.Equal((0, 1, 0), (ok.Created, ok.Updated, ok.Unchanged));
        var updated = await client.GetPageAsync("/en/glossary");
        Assert.Equal(["actiris", "cpas", "missions-locales", "one", "pcs"], updated.QuerySelectorAll(".glossary__entry").Select(e => e.Id!));
        Assert.Equal("5 services", updated.Text("[role=status]"));
    }
}
