using System.Net;
using Learning.Modules.Assessment;
using Learning.Modules.Assessment.Contracts;
using Learning.Modules.Assessment.Formats;
using Learning.Modules.Assessment.Questions;
using Learning.Modules.Core.Security;
using Learning.Modules.Reporting;
using Learning.Tests.Accounts;
using Learning.Tests.Core;
using Learning.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Learning.Tests.Reporting;

/// <summary>
/// The item analysis of attempts taken through the Examiner, as <see cref="ItemAnalysisTests.SixLearners"/> worked
/// them by hand, read through Assessment's <see cref="TestResults"/> and shown to administrators only.
/// </summary>
public sealed class QuestionStatisticsPageTests
{
    private const string Bank = "reports/test";

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task The_attempts_taken_give_the_figures_worked_by_hand_on_first_attempts_and_count_retakes_on_all(Db db)
    {
        await using var app = NewApp(db);
        await TakeSixLearnersTestsAsync(app);

        var (first, all) = await app.WithTenantAsync(async sp =>
        {
            var results = sp.GetRequiredService<TestResults>();
            return (ItemAnalysis.Of(await results.ForBankAsync(Bank, "en", firstAttemptsOnly: true, default)),
                ItemAnalysis.Of(await results.ForBankAsync(Bank, "en", firstAttemptsOnly: false, default)));
        });

        var expected = ItemAnalysis.Of(ItemAnalysisTests.SixLearners());
        Assert.Equal(expected.Select(Figures), first.Select(Figures));
        Assert.Equal(["One", "Two", "Three"], first.Single(q => q.Name == "b").Choices.Select(c => c.Text));
        // Learner 6's retake, all right: a is right in 5 of 7 attempts; c is still seen by 4 learners only.
        var a = all.Single(q => q.Name == "a");
        Assert.Equal((7, 6), (a.Attempts, a.Learners));
        Assert.Equal(71.43, a.Facility!.Value, 2);
        Assert.True(all.Single(q => q.Name == "c").TooFewLearners);

        var admin = await AdministrationTests.LogInAsAdministrator(app);
        var page = await admin.GetPageAsync("/en/admin/reports/questions?bank=" + Uri.EscapeDataString(Bank));
        var rowA = page.QuerySelector("[data-testid='item-analysis'] tr[data-name='a']")!;
        Assert.Equal("6", rowA.QuerySelector("[data-column='attempts']")!.TextContent);
        Assert.Equal("66.7%", rowA.QuerySelector("[data-column='facility']")!.TextContent);
        Assert.Equal("65.0", rowA.QuerySelector("[data-column='discrimination']")!.TextContent);
        Assert.Equal("100.0%", rowA.QuerySelector("[data-column='efficiency']")!.TextContent);
        Assert.Equal("/en/editor/banks/preview?bank=reports%2Ftest&language=fr#question-a", rowA.QuerySelector("th a")!.GetAttribute("href"));
        var rowB = page.QuerySelector("tr[data-name='b']")!;
        Assert.Contains("Does not discriminate: index below 20", rowB.QuerySelector("[data-column='flags']")!.TextContent);
        Assert.Equal(["One: 83.3%", "Two: < 5", "Three: < 5"], rowB.QuerySelectorAll("[data-column='choices'] li").Select(li => li.TextContent.Trim()));
        var rowC = page.QuerySelector("tr[data-name='c']")!;
        Assert.Equal("< 5", rowC.QuerySelector("[data-column='attempts']")!.TextContent);
        Assert.Null(rowC.QuerySelector("[data-column='facility']"));
        Assert.Equal("1 of 3 questions to check.", page.Text("[data-testid='to-check']"));

        var allPage = await admin.GetPageAsync("/en/admin/reports/questions?bank=" + Uri.EscapeDataString(Bank) + "&attempts=all");
        Assert.Equal("7", allPage.QuerySelector("tr[data-name='a'] [data-column='attempts']")!.TextContent);
        Assert.Equal("71.4%", allPage.QuerySelector("tr[data-name='a'] [data-column='facility']")!.TextContent);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Only_the_tenants_administrators_see_its_question_statistics(Db db)
    {
        await using var app = NewApp(db);
        await TakeSixLearnersTestsAsync(app);
        const string path = "/en/admin/reports/questions";

        using var anonymous = await app.CreateClient().GetAsync(path);
        Assert.StartsWith("/en/account/login", anonymous.Headers.Location?.OriginalString);

        foreach (var role in new[] { Roles.Learner, Roles.Editor })
        {
            var email = $"{role.ToLowerInvariant()}@example.org";
            await app.CreateUserAsync(email, null, role);
            var client = app.CreateClient();
            await client.LogInSuccessfullyAsync(email);
            using var refused = await client.GetAsync(path);
            Assert.StartsWith("/en/account/access-denied", refused.Headers.Location?.OriginalString);
            await client.GetPageAsync(refused.Headers.Location!.OriginalString, HttpStatusCode.Forbidden);
        }

        var admin = await AdministrationTests.LogInAsAdministrator(app);
        var own = await admin.GetPageAsync(path);
        Assert.NotNull(own.QuerySelector($"#bank option[value='{Bank}']"));
        Assert.NotNull(own.QuerySelector("[data-testid='item-analysis']"));
        // The statistics' navigation entry is the administrators' alone.
        Assert.NotNull(own.QuerySelector("a[href='/en/admin/reports/questions']"));

        // Another tenant's administrator: this tenant's banks and figures are not theirs to see.
        await TenantTests.CreateTenant(app, admin, "north", db, ("Input.UrlPrefix", "north"));
        var north = await AdministrationTests.LogInAsAdministrator(app, "north", "/north/en");
        var theirs = await north.GetPageAsync("/north" + path);
        Assert.Null(theirs.QuerySelector($"#bank option[value='{Bank}']"));
        Assert.Null(theirs.QuerySelector("[data-testid='item-analysis']"));
        using var named = await north.GetAsync("/north" + path + "?bank=" + Uri.EscapeDataString(Bank));
        Assert.Equal(HttpStatusCode.NotFound, named.StatusCode);
        using var here = await north.GetAsync(path);
        Assert.StartsWith("/en/account/login", here.Headers.Location?.OriginalString);
    }

    private static LearningApp NewApp(Db db) => new(db, new Dictionary<string, string?>
    {
        [$"Learning:Assessment:Tests:{Bank}:HoursBetweenAttempts"] = "0",
    }, TestContent.Only());

    /// <summary>The attempts of <see cref="ItemAnalysisTests.SixLearners"/>, taken as learners take them (c added to
    /// the bank after learners 2, 4 and 6 took the test), then learner 6's retake with every answer right.</summary>
    private static async Task TakeSixLearnersTestsAsync(LearningApp app)
    {
        var learners = new List<string>();
        for (var i = 1; i <= 6; i++)
        {
            learners.Add((await app.CreateUserAsync($"learner{i}@example.org")).Id);
        }

        var a = new Question { Name = "a", Text = "Question a?", Type = QuestionType.SingleChoice, Choices = [new("Right", 1), new("Wrong", 0), new("Other", 0)] };
        var b = new Question { Name = "b", Text = "Question b?", Type = QuestionType.MultipleResponse, Mark = 2, Choices = [new("One", 0.5m), new("Two", 0.5m), new("Three", -1)] };
        var c = new Question { Name = "c", Text = "Question c?", Type = QuestionType.SingleChoice, Mark = 3, Choices = [new("Yes", 1), new("No", 0)] };
        await ImportAsync(app, a, b);
        await TakeAsync(app, learners[1], ("a", [0]), ("b", [0, 1]));
        await TakeAsync(app, learners[3], ("a", [1]), ("b", [1]));
        await TakeAsync(app, learners[5], ("a", [2]), ("b", [0, 1, 2]));
        await ImportAsync(app, c);
        await TakeAsync(app, learners[0], ("a", [0]), ("b", [0, 1]), ("c", [0]));
        await TakeAsync(app, learners[2], ("a", [0]), ("b", [0]), ("c", [1]));
        await TakeAsync(app, learners[4], ("a", [0]), ("b", [0, 2]), ("c", [0]));
        await TakeAsync(app, learners[5], ("a", [0]), ("b", [0, 1]), ("c", [0]));
    }

    private static Task ImportAsync(LearningApp app, params Question[] questions) =>
        app.WithTenantAsync(sp => sp.GetRequiredService<BankImport>().ImportAsync(Bank, "fr", QuestionFile.Of(questions), "editor", default));

    private static Task TakeAsync(LearningApp app, string userId, params (string Question, int[] Ticked)[] answers) => app.WithTenantAsync(async sp =>
    {
        var examiner = sp.GetRequiredService<Examiner>();
        var attempt = (await examiner.StartAsync(userId, Bank, default))!;
        var drawn = Examiner.QuestionNames(attempt);
        Assert.Equal(answers.Select(x => x.Question).Order(), drawn.Order());
        foreach (var (question, ticked) in answers)
        {
            Assert.True(await examiner.SaveAnswerAsync(attempt, drawn.ToList().IndexOf(question), ChoiceResponse.Of(ticked), default));
        }

        return await examiner.SubmitAsync(attempt.Id, default);
    });

    private static (string, int, double?, double?, double?, string, string) Figures(QuestionStatistics q) =>
        (q.Name, q.Attempts, Round(q.Facility), Round(q.Discrimination), Round(q.Efficiency),
            string.Join(" ", q.Choices.Select(c => $"{c.Learners}:{c.Percent:0.00}")), string.Join(" ", q.Flags));

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 6) : null;
}
