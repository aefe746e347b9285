using System.Diagnostics;
using Learning.BrowserTests.Pages;
using Learning.Modules.Assessment;
using Learning.Modules.Assessment.Formats;
using Learning.Modules.Assessment.Questions;
using Learning.Modules.Certificates;
using Learning.Modules.Data;
using Learning.Modules.Mooc;
using Learning.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Learning.BrowserTests;

public sealed class CourseJourneyTests
{
    /// <summary>
    /// Enrolment to a verified certificate. Part 1 is done for real, all its activities through "continue"; its
    /// test (shortened to ten true/false statements that say their answer) is failed at 60% then passed at 70%.
    /// The tests of parts 2 to 4 are passed behind the scenes to keep the path short.
    /// </summary>
    [Fact]
    public async Task A_learner_enrols_does_part_one_fails_its_test_at_60_passes_at_70_and_gets_a_verified_certificate()
    {
        // The retake comes at once, not the next day.
        await using var session = await BrowserSession.StartAsync(new Dictionary<string, string?> { ["Learning:Assessment:Tests:mooc/part-1/validation:HoursBetweenAttempts"] = "0" });
        var app = session.App;
        var user = await app.CreateUserAsync("learner@example.org");
        await ShortenTestsAsync(app);
        var part = (await app.WithTenantAsync(sp => sp.GetRequiredService<Course>().PartAsync("part-1", "en", default)))!;
        var page = await session.NewPageAsync();
        await new LoginPage(page).OpenAsync();
        await new LoginPage(page).LogInAsync("learner@example.org", LearningApp.Password);

        await page.GotoAsync("/en/mooc");
        await page.GetByTestId("enrol").ClickAsync();
        await page.GetByTestId("continue").ClickAsync();

        // Every activity of part 1, in order: the first one wrong then right, each kind looked at once.
        var seen = new HashSet<string>();
        var first = true;
        while (page.Url.Contains("/activities/", StringComparison.Ordinal))
        {
            var activity = part.Content.Activities.Single(a => page.Url.EndsWith("/" + a.Id, StringComparison.Ordinal));
            var questions = activity.AllQuestions;
            if (first)
            {
                await TickAsync(page, questions, right: false);
                await page.GetByRole(AriaRole.Button, new() { Name = "Check my answers" }).ClickAsync();
                await Assertions.Expect(page.GetByTestId("activity-result")).ToContainTextAsync($"0 of {questions.Count} right");
                await Assertions.Expect(page.Locator(".feedback--wrong").First).ToBeVisibleAsync();
                first = false;
            }

            if (questions.Count == 0)
            {
                await page.GetByRole(AriaRole.Button, new() { Name = "I have read this card" }).ClickAsync();
            }
            else
            {
                await TickAsync(page, questions, right: true);
                await page.GetByRole(AriaRole.Button, new() { Name = "Check my answers" }).ClickAsync();
                await Assertions.Expect(page.GetByTestId("activity-result")).ToContainTextAsync("All right");
            }

            if (seen.Add(activity.Kind))
            {
                await BrowserSession.AssertAccessibleAsync(page);
                await BrowserSession.ScreenshotAsync(page, $"mooc-activity-{activity.Kind}");
            }

            await page.Locator(".pager a").First.ClickAsync();
        }

        Assert.Equal(["case", "quiz", "recipe", "story"], seen.Order());
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/en/mooc/part-1/test$"));

        // The test: 6 of 10 fails, a retake with a fresh draw and 7 of 10 passes.
        await TakeTestAsync(page, rightAnswers: 6);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Test not passed");
        await Assertions.Expect(page.GetByTestId("result")).ToContainTextAsync("60%");
        await page.GotoAsync("/en/mooc/part-1/test");
        await TakeTestAsync(page, rightAnswers: 7);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Test passed");
        await Assertions.Expect(page.GetByTestId("result")).ToContainTextAsync("70%");

        await page.GotoAsync("/en/mooc");
        var total = part.Content.Activities.Count + 1;
        await Assertions.Expect(page.Locator("#progress-part-1")).ToContainTextAsync($"{total} of {total} done");
        await BrowserSession.AssertAccessibleAsync(page);
        await BrowserSession.ScreenshotAsync(page, "mooc-course-in-progress");

        // Parts 2 to 4, behind the scenes; then the certificate.
        foreach (var number in new[] { 2, 3, 4 })
        {
            await PassBehindTheScenesAsync(app, user.Id, number);
        }

        await page.GotoAsync("/en/certificate");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download the certificate (PDF)" }).ClickAsync());
        var pdf = Path.Combine(app.DataPath, "journey-certificate.pdf");
        await download.SaveAsAsync(pdf);
        var text = Run("pdftotext", $"-enc UTF-8 {pdf} -");
        Assert.Contains("learner", text);
        var code = await app.WithTenantAsync(sp => sp.GetRequiredService<LearningDbContext>().Certificates.Select(c => c.Code).SingleAsync());
        Assert.Contains(code, text);

        var visitor = await session.NewPageAsync(phone: true);
        await visitor.GotoAsync($"/en/certificates/{code}");
        await Assertions.Expect(visitor.GetByTestId("verdict")).ToContainTextAsync("genuine");
    }

    private static async Task TickAsync(IPage page, IReadOnlyList<FormativeQuestion> questions, bool right)
    {
        for (var i = 0; i < questions.Count; i++)
        {
            for (var c = 0; c < questions[i].Choices.Count; c++)
            {
                var box = page.Locator($"#q{i}-{c}");
                var tick = right ? questions[i].Choices[c].Correct : c == questions[i].Choices.ToList().FindIndex(x => !x.Correct);
                if (tick)
                {
                    await box.CheckAsync();
                }
                else if (await box.IsCheckedAsync())
                {
                    await box.UncheckAsync();
                }
            }
        }
    }

    /// <summary>Answers the ten statements, the first <paramref name="rightAnswers"/> rightly, then submits.</summary>
    private static async Task TakeTestAsync(IPage page, int rightAnswers)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the test" }).ClickAsync();
        for (var position = 1; position <= 10; position++)
        {
            var statement = await page.Locator(".question__text").InnerTextAsync();
            var isTrue = statement.Contains("(true)", StringComparison.Ordinal);
            var answer = (position <= rightAnswers) == isTrue ? "True" : "False";
            await page.GetByRole(AriaRole.Radio, new() { Name = answer, Exact = true }).CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = position < 10 ? "Save and continue" : "Save and review" }).ClickAsync();
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Submit my answers" }).ClickAsync();
    }

    /// <summary>Test data: each part's test becomes ten true/false statements that give their own answer.</summary>
    private static Task ShortenTestsAsync(LearningApp app) => app.WithTenantAsync(async sp =>
    {
        var db = sp.GetRequiredService<LearningDbContext>();
        await db.BankQuestions.Where(q => q.Bank.StartsWith("mooc/")).ExecuteDeleteAsync();
        var gift = string.Join("\n\n", Enumerable.Range(1, 10).Select(n => $"::s{n:00}:: Statement {n} ({(n % 2 == 0 ? "true" : "false")}). {{{(n % 2 == 0 ? "T" : "F")}}}"));
        foreach (var number in Enumerable.Range(1, 4))
        {
            foreach (var culture in new[] { "fr", "en" })
            {
                await sp.GetRequiredService<BankImport>().ImportAsync($"mooc/part-{number}/validation", culture, GiftReader.Read(gift), "test", default);
            }
        }

        return 0;
    });

    private static Task PassBehindTheScenesAsync(LearningApp app, string userId, int part) => app.WithTenantAsync(async sp =>
    {
        var tests = sp.GetRequiredService<Examiner>();
        var attempt = (await tests.StartAsync(userId, $"mooc/part-{part}/validation", default))!;
        var names = Examiner.QuestionNames(attempt);
        for (var position = 0; position < names.Count; position++)
        {
            var isTrue = int.Parse(names[position][1..]) % 2 == 0;
            await tests.SaveAnswerAsync(attempt, position, new ChoiceResponse(new HashSet<int> { isTrue ? 0 : 1 }), default);
        }

        return (await tests.SubmitAsync(attempt.Id, default)).Passed;
    });

    private static string Run(string tool, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(tool, arguments) { RedirectStandardOutput = true })!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return output;
    }
}
