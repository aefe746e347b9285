using System.Net;
using Learning.Modules.Assessment;
using Learning.Modules.Assessment.Questions;
using Learning.Modules.Data;
using Learning.Tests.Accounts;
using Learning.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Learning.Tests.Assessment;

public sealed class ValidationTestTests
{
    [Fact]
    public async Task Setup_imports_the_four_validation_banks_in_six_cultures()
    {
        await using var app = new LearningApp(content: TestContent.Small());

        var counts = await app.WithTenantAsync(sp => sp.GetRequiredService<LearningDbContext>().BankQuestions
            .GroupBy(q => new { q.Bank, q.Culture }).Select(g => new { g.Key.Bank, g.Key.Culture, Count = g.Count() }).ToListAsync());

        Assert.Equal(["mooc/part-1/validation", "mooc/part-2/validation", "mooc/part-3/validation", "mooc/part-4/validation"], counts.Select(c => c.Bank).Distinct().Order());
        Assert.Equal(4 * 6, counts.Count);
        Assert.All(counts, c => Assert.Equal(TestContent.BankQuestions, c.Count));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Answers_are_saved_one_by_one_survive_a_restart_and_a_double_submission_grades_once(Db db)
    {
        var app = new LearningApp(db, content: TestContent.Small());
        try
        {
            await app.CreateUserAsync("learner@example.org");
            var client = app.CreateClient();
            await client.LogInSuccessfullyAsync("learner@example.org");
            var attemptPath = await Start(client, 1);
            for (var position = 1; position <= 3; position++)
            {
                await Answer(app, client, attemptPath, position, right: true);
            }

            // The site restarts (a deploy, a crash): nothing answered is lost.
            app = await app.RestartAsync();
            client = app.CreateClient();
            await client.LogInSuccessfullyAsync("learner@example.org");
            var resumed = await Start(client, 1);
            Assert.Equal(attemptPath, resumed);
            var summary = await client.GetPageAsync(attemptPath);
            Assert.Equal("3", summary.QuerySelector("progress")!.GetAttribute("value"));

            // Submitted twice (a double click, a replayed request): graded once.
            using var first = await client.SubmitAsync(summary, "main form");
            using var second = await client.SubmitAsync(summary, "main form");
            Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
            var attempts = await app.WithTenantAsync(sp => sp.GetRequiredService<LearningDbContext>().Attempts.AsNoTracking().ToListAsync());
            var attempt = Assert.Single(attempts);
            Assert.Equal(3m, attempt.Score);
            Assert.False(attempt.Passed);
            var result = await client.GetPageAsync(attemptPath);
            Assert.Contains("30", result.Text("[data-testid=result]"));
            Assert.Equal(10, result.QuerySelectorAll(".review__item").Length);
        }
        finally
        {
            await app.DisposeAsync();
        }
    }

    [Fact]
    public async Task Sixty_percent_fails_a_retake_draws_again_and_seventy_percent_passes()
    {
        await using var app = new LearningApp(extraSettings: new Dictionary<string, string?>
        {
            ["Learning:Assessment:Tests:mooc/part-2/validation:HoursBetweenAttempts"] = "0", // a retake at once
        }, content: TestContent.Small());
        await app.CreateUserAsync("learner@example.org");
        var client = app.CreateClient();
        await client.LogInSuccessfullyAsync("learner@example.org");

        var firstTry = await Start(client, 2);
        for (var position = 1; position <= 10; position++)
        {
            await Answer(app, client, firstTry, position, right: position <= 6);
        }

        var failed = await client.SubmitAndFollowAsync(await client.GetPageAsync(firstTry), "main form");
        Assert.Contains("60", failed.Text("[data-testid=result]"));
        Assert.NotNull(failed.QuerySelector(".alert--error"));

        var retake = await Start(client, 2);
        Assert.NotEqual(firstTry, retake);
        for (var position = 1; position <= 10; position++)
        {
            await Answer(app, client, retake, position, right: position <= 7);
        }

        var passed = await client.SubmitAndFollowAsync(await client.GetPageAsync(retake), "main form");
        Assert.NotNull(passed.QuerySelector(".alert--success"));
        var numbers = await app.WithTenantAsync(sp => sp.GetRequiredService<LearningDbContext>().Attempts.OrderBy(a => a.Number).Select(a => new { a.Number, a.Passed, a.Questions }).ToListAsync());
        Assert.Equal([1, 2], numbers.Select(n => n.Number));
        Assert.Equal([false, true], numbers.Select(n => n.Passed!.Value));

        // Administrators see both attempts and their results.
        var admin = await AdministrationTests.LogInAsAdministrator(app);
        var attempts = await admin.GetPageAsync("/en/admin/attempts?q=LEARNER@");
        Assert.Equal(2, attempts.QuerySelectorAll("tbody tr").Length);
        Assert.Contains("70% — passed", attempts.Text("tbody"));
        Assert.Contains("60% — not passed", attempts.Text("tbody"));
    }

    [Fact]
    public async Task Nobody_sees_or_answers_another_persons_attempt()
    {
        await using var app = new LearningApp(content: TestContent.Small());
        await app.CreateUserAsync("learner@example.org");
        await app.CreateUserAsync("other@example.org");
        var learner = app.CreateClient();
        await learner.LogInSuccessfullyAsync("learner@example.org");
        var attempt = await Start(learner, 3);
        var other = app.CreateClient();
        await other.LogInSuccessfullyAsync("other@example.org");

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(attempt)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(attempt + "/1")).StatusCode);
        Assert.StartsWith("/en/account/login", (await app.CreateClient().GetAsync(attempt)).Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Retakes_follow_the_tests_limit_and_waiting_time()
    {
        await using var app = new LearningApp(extraSettings: new Dictionary<string, string?>
        {
            ["Learning:Assessment:Tests:mooc/part-2/validation:MaxAttempts"] = "2",
            ["Learning:Assessment:Tests:mooc/part-2/validation:HoursBetweenAttempts"] = "24",
        }, content: TestContent.Small());
        var user = await app.CreateUserAsync("learner@example.org");
        var client = app.CreateClient();
        await client.LogInSuccessfullyAsync("learner@example.org");

        async Task SubmitAsync()
        {
            var attempt = await Start(client, 2);
            await client.SubmitAsync(await client.GetPageAsync(attempt), "main form");
        }

        async Task WaitedAsync() => await app.WithTenantAsync(sp => sp.GetRequiredService<LearningDbContext>().Attempts
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.SubmittedUtc, a => a.SubmittedUtc!.Value.AddHours(-25))));

        await SubmitAsync();
        var waiting = await client.GetPageAsync("/en/mooc/part-2/test");
        Assert.Contains("again from", waiting.Text("[data-testid=availability]"));
        Assert.Null(waiting.QuerySelector("main form"));
        using var forced = await client.PostAsync("/en/mooc/part-2/test", new FormUrlEncodedContent([new("__RequestVerificationToken", AntiForgeryToken(waiting))]));
        Assert.Equal(1, await Attempts(app, user.Id)); // a replayed start changes nothing

        await WaitedAsync();
        await SubmitAsync(); // the second and last attempt
        await WaitedAsync();
        var used = await client.GetPageAsync("/en/mooc/part-2/test");
        Assert.Contains("every attempt", used.Text("[data-testid=availability]"));
        Assert.Equal(2, await Attempts(app, user.Id));
        Assert.NotNull((await client.GetPageAsync("/en/mooc/part-1/test")).QuerySelector("main form")); // other tests keep their own rules
    }

    private static string AntiForgeryToken(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;

    private static Task<int> Attempts(LearningApp app, string userId) =>
        app.WithTenantAsync(sp => sp.GetRequiredService<LearningDbContext>().Attempts.CountAsync(a => a.UserId == userId));

    /// <summary>Starts (or continues) a part's test; returns the attempt's address.</summary>
    internal static async Task<string> Start(HttpClient client, int part)
    {
        var page = await client.GetPageAsync($"/en/mooc/part-{part}/test");
        using var started = await client.SubmitAsync(page, "main form");
        var location = started.Headers.Location!.OriginalString;
        return location[..location.LastIndexOf('/')];
    }

    /// <summary>Answers a question through its form, rightly or by leaving it blank.</summary>
    internal static async Task Answer(LearningApp app, HttpClient client, string attemptPath, int position, bool right)
    {
        var page = await client.GetPageAsync($"{attemptPath}/{position}");
        var values = new List<(string, string)> { ("direction", "next") };
        if (right)
        {
            values.AddRange(RightAnswer(await QuestionAsync(app, attemptPath, position), page));
        }

        using var response = await client.SubmitAsync(page, "form.question", [.. values]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    /// <summary>The question at a position of an attempt, in English, with its answers.</summary>
    internal static Task<Question> QuestionAsync(LearningApp app, string attemptPath, int position) => app.WithTenantAsync(async sp =>
    {
        var attemptId = int.Parse(attemptPath.Split('/')[^1]);
        var attempt = await sp.GetRequiredService<LearningDbContext>().Attempts.SingleAsync(a => a.Id == attemptId);
        var bank = await sp.GetRequiredService<QuestionBanks>().LoadAsync(attempt.Bank, "en", default);
        return bank[Examiner.QuestionNames(attempt)[position - 1]];
    });

    /// <summary>The right answer as a person who knows it fills the form in: by the texts they read, whatever
    /// the fields' names and values are.</summary>
    internal static IEnumerable<(string Name, string Value)> RightAnswer(Question question, AngleSharp.Html.Dom.IHtmlDocument page)
    {
        switch (question.Type)
        {
            case QuestionType.SingleChoice or QuestionType.TrueFalse or QuestionType.MultipleResponse:
                var right = question.Choices.Select((c, i) => (c, i))
                    .Where(x => question.Type == QuestionType.MultipleResponse ? x.c.Fraction > 0 : x.c.Fraction == 1)
                    .Select(x => question.Type == QuestionType.TrueFalse ? (x.i == 0 ? "True" : "False") : x.c.Text).ToHashSet();
                return page.QuerySelectorAll("form.question label.checkbox").Where(l => right.Contains(l.TextContent.Trim()))
                    .Select(l => ("choice", l.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input")!.Value)).ToList();
            case QuestionType.Matching:
                return Fields(page).Select(f => (f.Select.Name!, f.Select.Options
                    .Single(o => o.Text.Trim() == question.Pairs.Single(p => p.Item == f.Label).Match).Value)).ToList();
            case QuestionType.Ordering:
                return Fields(page).Select(f => (f.Select.Name!, (question.Order.ToList().IndexOf(f.Label) + 1).ToString())).ToList();
            case QuestionType.ShortAnswer:
                return [("text", question.Choices.First(c => c.Fraction == 1).Text.ToUpperInvariant())];
            default:
                return [("number", question.Numbers.First(n => n.Fraction == 1).Min.ToString(System.Globalization.CultureInfo.InvariantCulture))];
        }
    }

    /// <summary>The drop-down lists of a matching or ordering question, each with its label's text.</summary>
    internal static IEnumerable<(string Label, AngleSharp.Html.Dom.IHtmlSelectElement Select)> Fields(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll<AngleSharp.Html.Dom.IHtmlSelectElement>("form.question select")
            .Select(s => (page.QuerySelector($"label[for='{s.Id}']")!.TextContent.Trim(), s));
}
