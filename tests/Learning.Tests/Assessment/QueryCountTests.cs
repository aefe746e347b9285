using System.Data.Common;
using Learning.Modules.Assessment;
using Learning.Modules.Assessment.Formats;
using Learning.Modules.Core.Tenancy;
using Learning.Tests.Infrastructure;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Learning.Tests.Assessment;

/// <summary>Test pages do a fixed number of queries: none per question in a loop.</summary>
public sealed class QueryCountTests
{
    [Fact]
    public async Task The_test_pages_run_as_many_sql_commands_for_40_questions_as_for_5()
    {
        var counter = new CommandCounter();
        await using var app = new LearningApp(extraSettings: new Dictionary<string, string?>
        {
            ["Learning:Assessment:Tests:counted/small:QuestionCount"] = "100",
            ["Learning:Assessment:Tests:counted/large:QuestionCount"] = "100",
        }, content: TestContent.Only());
        await using var counted = app.WithWebHostBuilder(b => b.ConfigureTestServices(counter.CountIn));
        await counted.CreateUserAsyncVia(app, "learner@example.org");
        await counted.WithTenantAsync(app, async sp =>
        {
            var banks = sp.GetRequiredService<BankImport>();
            await banks.ImportAsync("counted/small", "fr", QuestionFile.Of(Questions(5)), "test", default);
            await banks.ImportAsync("counted/large", "fr", QuestionFile.Of(Questions(40)), "test", default);
            return 0;
        });
        var client = counted.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        await client.LogInSuccessfullyAsync("learner@example.org");

        var small = await CountPagesAsync(counted, app, client, counter, "counted/small", 5);
        var large = await CountPagesAsync(counted, app, client, counter, "counted/large", 40);

        Assert.Equal(small, large);
        Assert.True(small.Question is > 0 and <= 6 && small.Summary is > 0 and <= 6, $"question page: {small.Question} commands, summary: {small.Summary}");
    }

    /// <summary>Counts the commands of an attempt's question page and summary, which must show the attempt's questions.</summary>
    private static async Task<(int Question, int Summary)> CountPagesAsync(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> factory, LearningApp app, HttpClient client, CommandCounter counter, string bank, int questions)
    {
        var attemptId = await factory.WithTenantAsync(app, async sp =>
        {
            var userId = (await sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Learning.Modules.Accounts.LearningUser>>().FindByEmailAsync("learner@example.org"))!.Id;
            var tests = sp.GetRequiredService<Examiner>();
            var attempt = (await tests.StartAsync(userId, bank, default))!;
            for (var position = 0; position < Examiner.QuestionNames(attempt).Count; position++)
            {
                await tests.SaveAnswerAsync(attempt, position, new Learning.Modules.Assessment.Questions.ChoiceResponse(new HashSet<int> { 0 }), default);
            }

            return attempt.Id;
        });

        await client.GetAsync($"/en/tests/attempts/{attemptId}/2"); // warm up the caches
        var (question, questionPage) = await counter.CountPageAsync(client, $"/en/tests/attempts/{attemptId}/3");
        Assert.Matches(@"^Question \d+\?$", questionPage.Text(".question__text"));
        Assert.Equal(["other", "right", "wrong"], questionPage.QuerySelectorAll("form.question label span").Select(s => s.TextContent).Order().ToList());
        var (summary, summaryPage) = await counter.CountPageAsync(client, $"/en/tests/attempts/{attemptId}");
        Assert.Equal("Check your answers", summaryPage.Text("main h1"));
        Assert.Equal(questions, summaryPage.QuerySelectorAll($"main ol li a[href^='/en/tests/attempts/{attemptId}/']").Length);
        return (question, summary);
    }

    private static List<Learning.Modules.Assessment.Questions.Question> Questions(int count) =>
        [.. GiftReader.Read(string.Join("\n\n", Enumerable.Range(1, count).Select(i => $"::q{i:00}:: Question {i}? {{=right ~wrong ~other}}"))).Questions];
}

internal static class FactoryTenants
{
    /// <summary>Like <see cref="LearningApp.WithTenantAsync{T}"/>, on a factory derived from the app.</summary>
    public static async Task<T> WithTenantAsync<T>(this Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> factory, LearningApp app, Func<IServiceProvider, Task<T>> action)
    {
        var registry = factory.Services.GetRequiredService<Learning.Modules.Core.Tenancy.TenantRegistry>();
        await using var scope = factory.Services.GetRequiredService<IServiceScopeFactory>().CreateTenantScope(registry.Default!);
        return await action(scope.ServiceProvider);
    }

    public static Task CreateUserAsyncVia(this Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> factory, LearningApp app, string email) =>
        factory.WithTenantAsync(app, async sp =>
        {
            var users = sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Learning.Modules.Accounts.LearningUser>>();
            var user = new Learning.Modules.Accounts.LearningUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "learner", PreferredCulture = "en" };
            await users.CreateAsync(user, LearningApp.Password);
            return 0;
        });
}
