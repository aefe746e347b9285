using AngleSharp.Html.Dom;
using Learning.Modules.Assessment;
using Learning.Modules.Data;
using Learning.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Learning.Tests.Assessment;

/// <summary>What the review of an attempt shows, so that retaking a test never becomes a way to collect its
/// answers: by default which answers earned points, the right answers once the test is passed or no attempt is
/// left, and a day between attempts.</summary>
public sealed class ReviewPolicyTests
{
    private const string Settings = "Learning:Assessment:Tests:mooc/part-2/validation:";

    [Fact]
    public async Task By_default_a_failed_attempt_shows_which_answers_earned_points_and_the_right_answers_only_once_the_test_is_passed()
    {
        await using var app = new LearningApp(extraSettings: new Dictionary<string, string?> { [Settings + "HoursBetweenAttempts"] = "0" }, content: TestContent.Small());
        var client = await LearnerAsync(app);

        var (firstTry, failed) = await TakeAsync(app, client, rightAnswers: 6);
        Assert.Contains("Test not passed", failed.Text("h1"));
        AssertNoRightAnswers(failed);
        Assert.Equal(["1", "1", "1", "1", "1", "1", "0", "0", "0", "0"], Points(failed));
        Assert.Contains("once you pass", failed.Text("[data-testid=review-policy]"));

        var (_, passed) = await TakeAsync(app, client, rightAnswers: 7);
        Assert.Contains("Test passed", passed.Text("h1"));
        Assert.Equal(10, passed.QuerySelectorAll("[data-testid=right-answer]").Length);
        Assert.Null(passed.QuerySelector("[data-testid=review-policy]"));
        // Once passed, the earlier attempt's review shows them too: the test no longer decides anything for this learner.
        Assert.Equal(10, (await client.GetPageAsync(firstTry)).QuerySelectorAll("[data-testid=right-answer]").Length);
    }

    [Fact]
    public async Task By_default_the_right_answers_are_shown_once_no_attempt_is_left()
    {
        await using var app = new LearningApp(extraSettings: new Dictionary<string, string?> { [Settings + "MaxAttempts"] = "1" }, content: TestContent.Small());
        var client = await LearnerAsync(app);

        var (_, failed) = await TakeAsync(app, client, rightAnswers: 2);

        Assert.Contains("Test not passed", failed.Text("h1"));
        Assert.Equal(10, failed.QuerySelectorAll("[data-testid=right-answer]").Length);
    }

    [Fact]
    public async Task A_test_set_never_to_show_its_right_answers_hides_them_even_once_passed_and_its_page_says_so()
    {
        await using var app = new LearningApp(extraSettings: new Dictionary<string, string?> { [Settings + "ShowRightAnswers"] = "Never" }, content: TestContent.Small());
        var client = await LearnerAsync(app);

        var (_, passed) = await TakeAsync(app, client, rightAnswers: 10);

        Assert.Contains("Test passed", passed.Text("h1"));
        AssertNoRightAnswers(passed);
        Assert.Equal(Enumerable.Repeat("1", 10), Points(passed));
        Assert.Contains("never", passed.Text("[data-testid=review-policy]"));
        Assert.Contains("never the right answers", (await client.GetPageAsync("/en/mooc/part-2/test")).Text("[data-testid=rules]"));
    }

    [Fact]
    public async Task A_test_set_always_to_show_its_right_answers_shows_them_after_a_failed_attempt()
    {
        await using var app = new LearningApp(extraSettings: new Dictionary<string, string?> { [Settings + "ShowRightAnswers"] = "Always" }, content: TestContent.Small());
        var client = await LearnerAsync(app);

        var (_, failed) = await TakeAsync(app, client, rightAnswers: 0);

        Assert.Contains("Test not passed", failed.Text("h1"));
        Assert.Equal(10, failed.QuerySelectorAll("[data-testid=right-answer]").Length);
        Assert.Null(failed.QuerySelector("[data-testid=review-policy]"));
    }

    [Fact]
    public async Task By_default_a_retake_opens_a_day_after_the_last_attempt_and_the_test_page_says_what_the_review_shows()
    {
        await using var app = new LearningApp(content: TestContent.Small());
        var client = await LearnerAsync(app);

        var before = await client.GetPageAsync("/en/mooc/part-2/test");
        Assert.Contains("a retake opens 24 hours later", before.Text("[data-testid=rules]"));
        Assert.Contains("which of your answers were right", before.Text("[data-testid=rules]"));
        await TakeAsync(app, client, rightAnswers: 3);

        var waiting = await client.GetPageAsync("/en/mooc/part-2/test");
        Assert.Contains("again from", waiting.Text("[data-testid=availability]"));
        Assert.Null(waiting.QuerySelector("main form"));

        await app.WithTenantAsync(sp => sp.GetRequiredService<LearningDbContext>().Attempts
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.SubmittedUtc, a => a.SubmittedUtc!.Value.AddHours(-24))));
        Assert.NotNull((await client.GetPageAsync("/en/mooc/part-2/test")).QuerySelector("main form"));
    }

    private static async Task<HttpClient> LearnerAsync(LearningApp app)
    {
        await app.CreateUserAsync("learner@example.org");
        var client = app.CreateClient();
        await client.LogInSuccessfullyAsync("learner@example.org");
        return client;
    }

    /// <summary>Takes part 2's test, the first <paramref name="rightAnswers"/> questions right and the others left
    /// blank; returns the attempt's address and its review.</summary>
    private static async Task<(string Path, IHtmlDocument Review)> TakeAsync(LearningApp app, HttpClient client, int rightAnswers)
    {
        var path = await ValidationTestTests.Start(client, 2);
        for (var position = 1; position <= 10; position++)
        {
            await ValidationTestTests.Answer(app, client, path, position, right: position <= rightAnswers);
        }

        return (path, await client.SubmitAndFollowAsync(await client.GetPageAsync(path), "main form"));
    }

    private static string[] Points(IHtmlDocument review) =>
        review.QuerySelectorAll("[data-testid=points]").Select(p => p.GetAttribute("data-points")!).ToArray();

    /// <summary>No right answer, and no feedback, which often names it ("No: that is Amir's situation").</summary>
    private static void AssertNoRightAnswers(IHtmlDocument review)
    {
        Assert.Equal(10, review.QuerySelectorAll(".review__item").Length);
        Assert.Empty(review.QuerySelectorAll("[data-testid=right-answer]"));
        Assert.DoesNotContain("Right answer", review.Text(".review"));
        Assert.Empty(review.QuerySelectorAll(".review .hint"));
        // The fixture's single-choice questions 7 to 12 have "Right n (en)" as their right choice.
        Assert.DoesNotMatch(@"Right \d+ \(en\)", review.Text(".review").Replace("Your answer: Right", ""));
    }
}
