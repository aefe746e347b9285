using System.Net;
using Learning.Modules.Content;
using Learning.Modules.Data;
using Learning.Tests.Content;
using Learning.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Learning.Tests.Tutorials;

public sealed class TutorialPageTests
{
    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_tutorial_shows_its_parts_with_text_versions_and_links_to_its_practice_and_back(Db db)
    {
        await using var app = new LearningApp(db, content: TestContent.Small());
        var client = app.CreateClient();
        var practice = await client.GetPageAsync($"/hu/toolbox/{TestContent.Slug(TestContent.TutorialSet, "hu")}");

        var link = practice.QuerySelector("a[href^='/hu/tutorials/']")!.GetAttribute("href")!;
        var page = await client.GetPageAsync(link);

        Assert.Equal($"/hu/tutorials/{TestContent.TutorialSlug("hu")}", link);
        Assert.Equal("hu", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal(2, page.QuerySelectorAll("#mind-map svg[role=img]").Length);
        Assert.Equal(5, page.QuerySelectorAll("#mind-map .diagram-text li li").Length); // the leaves of the three branches
        Assert.Equal(3, page.QuerySelectorAll("#timeline .timeline__step").Length);
        Assert.NotEmpty(page.QuerySelectorAll("#actors .diagram-text li"));
        var testimonials = page.QuerySelectorAll(".testimonial");
        Assert.NotEmpty(testimonials);
        Assert.All(testimonials, t => Assert.NotNull(t.QuerySelector(".badge"))); // illustrative, and said so
        Assert.NotNull(page.QuerySelector($"a[href='/hu/toolbox/{TestContent.Slug(TestContent.TutorialSet, "hu")}']"));

        var video = page.QuerySelector("video")!;
        Assert.Equal("/videos/spoc-skills-validation.hu.webm", video.GetAttribute("src")); // Hungarian narration
        var tracks = video.QuerySelectorAll("track");
        Assert.Equal(["hu", "fr", "en", "es", "ca", "it"], tracks.Select(t => t.GetAttribute("srclang")!)); // the learner's first
        Assert.Equal("hu", tracks.Single(t => t.HasAttribute("default")).GetAttribute("srclang"));
        Assert.NotEmpty(page.QuerySelectorAll(".transcript p"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/videos/spoc-skills-validation.hu.webm")).StatusCode);
        // Its Hungarian poster is shown until the learner plays it, and nothing of the video loads before.
        Assert.Equal("/videos/spoc-skills-validation.hu.webp", video.GetAttribute("poster"));
        Assert.Equal("none", video.GetAttribute("preload"));
        using var poster = await client.GetAsync("/videos/spoc-skills-validation.hu.webp");
        Assert.Equal("image/webp", poster.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Each_culture_serves_its_own_subtitles_as_webvtt()
    {
        await using var app = new LearningApp(content: TestContent.Small());
        var client = app.CreateClient();

        using var catalan = await client.GetAsync($"/ca/tutorials/{TestContent.TutorialSlug("ca")}/video-1.vtt");
        using var missing = await client.GetAsync($"/ca/tutorials/{TestContent.TutorialSlug("ca")}/video-9.vtt");
        var text = await catalan.Content.ReadAsStringAsync();

        Assert.Equal("text/vtt", catalan.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("WEBVTT\n\n1\n00:00:00.000 --> 00:00:05.000\n", text);
        Assert.Contains(TestContent.FirstCue("ca"), text);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task A_practice_and_its_tutorial_lead_to_each_other_in_the_words_of_the_module_that_owns_the_target()
    {
        await using var app = new LearningApp(content: TestContent.Small());
        var client = app.CreateClient();
        var practiceSlug = TestContent.Slug(TestContent.TutorialSet, "fr");
        var tutorialSlug = TestContent.TutorialSlug("fr");

        var practice = await client.GetPageAsync($"/fr/toolbox/{practiceSlug}");
        var tutorial = await client.GetPageAsync($"/fr/tutorials/{tutorialSlug}");

        var toTutorial = practice.QuerySelectorAll(".actions a.button").Single(a => a.GetAttribute("href") == $"/fr/tutorials/{tutorialSlug}");
        Assert.Equal("Voir comment elle a été construite (tutoriel)", toTutorial.TextContent);
        var toPractice = tutorial.QuerySelector($"a[href='/fr/toolbox/{practiceSlug}']")!;
        Assert.Equal($"La pratique : {practice.Text("h1")}", toPractice.TextContent);
    }

    [Fact]
    public async Task A_tutorial_without_a_translation_is_shown_in_french_and_a_broken_one_is_not_imported()
    {
        await using var app = new LearningApp(content: TestContent.Small());
        var fr = TestContent.Tutorial("fr").Replace($"set: {TestContent.TutorialSet}", "set: only-french").Replace("slug: ", "slug: seul-");
        var broken = fr.Replace("set: only-french", "set: broken").Replace("slug: seul-", "slug: casse-");
        var firstLink = broken.IndexOf("    to: ", broken.IndexOf("links:", StringComparison.Ordinal), StringComparison.Ordinal);
        broken = broken[..firstLink] + "    to: nobody\n" + broken[(broken.IndexOf('\n', firstLink) + 1)..];

        var ok = await ContentImportTests.Import(app, sp => sp.GetRequiredService<ContentImporter>().ImportAsync([("toolbox/only-french/tutorial.fr.md", fr)], default));
        var refused = await ContentImportTests.Import(app, sp => sp.GetRequiredService<ContentImporter>().ImportAsync([("toolbox/broken/tutorial.fr.md", broken)], default));

        Assert.True(ok.Succeeded, string.Join("\n", ok.Errors));
        var error = Assert.Single(refused.Errors);
        Assert.Contains("'nobody'", error.Message);
        Assert.True(error.Line > 1);
        var slug = fr.Split("slug: ")[1].Split('\n')[0].Trim();
        var page = await app.CreateClient().GetPageAsync($"/it/tutorials/{slug}");
        Assert.Equal("fr", page.QuerySelector("article")!.GetAttribute("lang"));
        Assert.NotNull(page.QuerySelector("p.alert[role=note]"));
    }
}
