using Learning.BrowserTests.Pages;
using Learning.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Learning.BrowserTests;

public sealed class ValidationTestJourneyTests
{
    [Fact]
    public async Task A_learner_answers_a_test_question_by_question_on_a_phone_and_sees_the_result()
    {
        await using var session = await BrowserSession.StartAsync();
        await session.App.CreateUserAsync("learner@example.org");
        var page = await session.NewPageAsync(phone: true);
        await new LoginPage(page).OpenAsync();
        await new LoginPage(page).LogInAsync("learner@example.org", LearningApp.Password);

        await page.GotoAsync("/en/mooc/part-4/test");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the test" }).ClickAsync();
        await Assertions.Expect(page.Locator(".progress-label")).ToContainTextAsync("Question 1 of 10");
        await BrowserSession.AssertAccessibleAsync(page);
        await BrowserSession.ScreenshotAsync(page, "mooc-test-question-phone");
        for (var position = 1; position <= 10; position++)
        {
            await page.GetByRole(AriaRole.Button, new() { Name = position < 10 ? "Save and continue" : "Save and review" }).ClickAsync();
        }

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Check your answers");
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit my answers" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=result]")).ToContainTextAsync("0%");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Test not passed");
        await BrowserSession.AssertAccessibleAsync(page);
        await BrowserSession.ScreenshotAsync(page, "mooc-test-review-phone");
    }
}
