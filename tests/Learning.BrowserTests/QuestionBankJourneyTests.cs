using System.Text;
using Learning.BrowserTests.Pages;
using Learning.Modules.Assessment;
using Learning.Modules.Data;
using Learning.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Learning.BrowserTests;

/// <summary>An editor brings a bank from Moodle (HTML, an image, and hostile markup a careless copy could carry):
/// the report first, then the import; the preview, the test page and the review show it as written, and
/// nothing in it runs. (The browser ignores the site's Content-Security-Policy here: the sanitiser stands alone.)</summary>
public sealed class QuestionBankJourneyTests
{
    private const string Hostile = "<img src=x onerror=\"window.__xss=1\"><script>window.__xss=1</script><a href=\"javascript:window.__xss=1\">lien</a>";

    [Fact]
    public async Task An_editor_imports_a_moodle_bank_and_a_learner_sees_it_rendered_with_nothing_running()
    {
        await using var session = await BrowserSession.StartAsync(new Dictionary<string, string?>
        {
            ["Learning:Assessment:Tests:mooc/part-1/validation:ShowRightAnswers"] = "Always",
        });
        await session.App.CreateUserAsync("editor@example.org", null, "Editor");
        await session.App.CreateUserAsync("learner@example.org");
        // Every question of part 1 is replaced, so whatever the draw, the learner meets the imported ones.
        var names = await session.App.WithTenantAsync(sp => sp.GetRequiredService<LearningDbContext>().BankQuestions
            .Where(q => q.Bank == "mooc/part-1/validation").Select(q => q.Name).Distinct().OrderBy(n => n).ToListAsync());
        var file = Path.Combine(Path.GetTempPath(), $"moodle-{Guid.NewGuid():n}.xml");
        await File.WriteAllTextAsync(file, Bank(names));

        var editor = await session.NewPageAsync();
        await new LoginPage(editor).OpenAsync();
        await new LoginPage(editor).LogInAsync("editor@example.org", LearningApp.Password);
        await editor.GotoAsync("/en/editor/banks");
        await editor.Locator("#bank").FillAsync("mooc/part-1/validation");
        // Into the French bank, which tests are drawn from: the English versions no longer match, so English
        // readers are shown these (the report says so).
        await editor.Locator("#language").SelectOptionAsync("fr");
        await editor.Locator("#upload").SetInputFilesAsync(file);
        await editor.GetByRole(AriaRole.Button, new() { Name = "Read the file" }).ClickAsync();
        var report = editor.Locator("[data-testid=import-report]");
        await Assertions.Expect(report).ToContainTextAsync("to replace, 0 unchanged, 1 refused. Nothing has changed yet.");
        await Assertions.Expect(editor.Locator("[data-testid=refused]")).ToContainTextAsync("essays need a person");
        await Assertions.Expect(editor.Locator("[data-testid=out-of-step]").First).ToContainTextAsync("EN");
        await BrowserSession.AssertAccessibleAsync(editor);
        await BrowserSession.ScreenshotAsync(editor, "editor-bank-import-report-desktop");
        await editor.GetByRole(AriaRole.Button, new() { Name = $"Import {names.Count} question(s)" }).ClickAsync();
        await Assertions.Expect(editor.Locator(".alert--success")).ToContainTextAsync($"{names.Count} question(s) created or replaced");

        await editor.GotoAsync("/en/editor/banks/preview?bank=mooc%2Fpart-1%2Fvalidation&language=fr");
        await Assertions.Expect(editor.Locator(".review__question strong").First).ToHaveTextAsync("outreach");
        await AssertImagesLoadAsync(editor);
        await BrowserSession.AssertAccessibleAsync(editor);
        await BrowserSession.ScreenshotAsync(editor, "editor-bank-preview-desktop");
        await AssertNothingRanAsync(editor);

        var learner = await session.NewPageAsync(phone: true);
        await new LoginPage(learner).OpenAsync();
        await new LoginPage(learner).LogInAsync("learner@example.org", LearningApp.Password);
        await learner.GotoAsync("/en/mooc/part-1/test");
        await learner.GetByRole(AriaRole.Button, new() { Name = "Start the test" }).ClickAsync();
        await Assertions.Expect(learner.Locator(".question__text strong")).ToHaveTextAsync("outreach");
        await Assertions.Expect(learner.Locator(".question__text table th").First).ToHaveTextAsync("Step");
        await AssertImagesLoadAsync(learner);
        await BrowserSession.AssertAccessibleAsync(learner);
        await BrowserSession.ScreenshotAsync(learner, "mooc-test-moodle-question-phone");
        var count = int.Parse((await learner.Locator("progress").GetAttributeAsync("max"))!);
        for (var position = 1; position <= count; position++)
        {
            await learner.Locator("label.checkbox").Filter(new() { HasText = "Go where people are" }).ClickAsync();
            await learner.Locator("a", new() { HasText = "lien" }).First.ClickAsync(); // a neutralised link goes nowhere
            await AssertNothingRanAsync(learner);
            await learner.GetByRole(AriaRole.Button, new() { Name = position < count ? "Save and continue" : "Save and review" }).ClickAsync();
        }

        await learner.GetByRole(AriaRole.Button, new() { Name = "Submit my answers" }).ClickAsync();
        await Assertions.Expect(learner.Locator("[data-testid=result]")).ToContainTextAsync("100%");
        await Assertions.Expect(learner.Locator(".review .hint em").First).ToHaveTextAsync("where");
        await BrowserSession.AssertAccessibleAsync(learner);
        await BrowserSession.ScreenshotAsync(learner, "mooc-test-moodle-review-phone");
        await AssertNothingRanAsync(learner);
        File.Delete(file);
    }

    /// <summary>Moodle XML as Moodle exports it: HTML in CDATA, a PNG in base64 linked as @@PLUGINFILE@@, answers
    /// and feedback in HTML, and one essay, which is refused.</summary>
    private static string Bank(IReadOnlyList<string> names)
    {
        // The tiny PNG of the fixture written from Moodle's documentation.
        var png = System.Xml.Linq.XDocument.Load(Path.Combine(Repository.Root, "tests", "Learning.Tests", "Assessment", "Moodle", "xml", "image-pluginfile.xml"))
            .Descendants("file").First().Value.Trim();
        var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<quiz>\n");
        foreach (var name in names)
        {
            xml.Append($"""
                <question type="multichoice">
                  <name><text>{name}</text></name>
                  <questiontext format="html"><text><![CDATA[<p>What comes first in <strong>outreach</strong>?</p>
                    <table><tr><th scope="col">Step</th><th scope="col">Who</th></tr><tr><td>Meet</td><td>Street team</td></tr></table>
                    <p><img src="@@PLUGINFILE@@/colours.png" alt="The charter's colours" width="40" height="40"></p>]]></text>
                    <file name="colours.png" path="/" encoding="base64">{png}</file>
                  </questiontext>
                  <generalfeedback format="html"><text><![CDATA[<p>Go <em>where</em> people are. {Hostile}</p>]]></text></generalfeedback>
                  <defaultgrade>2.0000000</defaultgrade>
                  <single>true</single>
                  <answer fraction="100" format="html"><text><![CDATA[<p>Go where people are {Hostile}</p>]]></text><feedback format="html"><text><![CDATA[Yes {Hostile}]]></text></feedback></answer>
                  <answer fraction="0" format="html"><text><![CDATA[<p>Wait at the office</p>]]></text><feedback format="html"><text>No.</text></feedback></answer>
                </question>

                """);
        }

        xml.Append("""
            <question type="essay"><name><text>reflection</text></name><questiontext format="html"><text>Describe your practice.</text></questiontext></question>
            </quiz>
            """);
        return xml.ToString();
    }

    private static async Task AssertImagesLoadAsync(IPage page)
    {
        var image = page.Locator("img[alt=\"The charter's colours\"]").First;
        await Assertions.Expect(image).ToBeVisibleAsync();
        Assert.True(await image.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), $"the image of {page.Url} did not load");
    }

    private static async Task AssertNothingRanAsync(IPage page)
    {
        Assert.False(await page.EvaluateAsync<bool>("() => window.__xss === 1"), $"a script of the question ran on {page.Url}");
        Assert.Equal(0, await page.Locator(".rich script, .rich [onerror], .rich a[href^='javascript']").CountAsync());
    }
}
