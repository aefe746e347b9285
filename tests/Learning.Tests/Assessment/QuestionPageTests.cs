using Learning.Modules.Assessment.Formats;
using Learning.Modules.Assessment;
using Learning.Modules.Assessment.Questions;
using Learning.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Learning.Tests.Assessment;

/// <summary>What a learner's browser receives of a validation test's question: the texts to read, and fields
/// whose names, values and order say nothing of the right answer.</summary>
public sealed class QuestionPageTests
{
    private const string Bank = "mooc/part-1/validation";

    // Every question at every attempt; a draw places a question's right answer among n choices the same way in
    // all of them with a chance of (1/n)^(Attempts-1): with three choices and 12 attempts, about 6 in a million.
    private const int Questions = TestContent.BankQuestions + 1;

    private const int Attempts = 12;

    [Fact]
    public async Task The_fields_of_a_question_say_nothing_of_its_answer_across_draws_and_answers_given_through_them_grade_right()
    {
        await using var app = new LearningApp(extraSettings: new Dictionary<string, string?>
        {
            [$"Learning:Assessment:Tests:{Bank}:QuestionCount"] = Questions.ToString(),
            [$"Learning:Assessment:Tests:{Bank}:HoursBetweenAttempts"] = "0",
        }, content: TestContent.Small());
        await AddOrderingQuestionAsync(app);
        await app.CreateUserAsync("learner@example.org");
        var client = app.CreateClient();
        await client.LogInSuccessfullyAsync("learner@example.org");

        // For each question, the markup of its right answer with the texts left out: the names, ids and values of
        // the fields a person who knows the answer fills in. Any rule that computes the answer from the markup
        // (the first value, the value matching the field's number, the order of the names…) would see it repeat.
        var markup = new Dictionary<string, (QuestionType Type, List<string> Seen)>();
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            var path = await ValidationTestTests.Start(client, 1);
            for (var position = 1; position <= Questions; position++)
            {
                var question = await ValidationTestTests.QuestionAsync(app, path, position);
                var page = await client.GetPageAsync($"{path}/{position}");
                var right = ValidationTestTests.RightAnswer(question, page).ToList();
                var fields = string.Join(" ", right.Select(f => $"{f.Name}#{page.QuerySelector($"select[name='{f.Name}']")?.Id}={f.Value}").Order(StringComparer.Ordinal));
                (markup.TryGetValue(question.Name, out var seen) ? seen : markup[question.Name] = (question.Type, [])).Seen.Add(fields);
                using var saved = await client.SubmitAsync(page, "form.question", [("direction", "next"), .. right]);
            }

            var result = await client.SubmitAndFollowAsync(await client.GetPageAsync(path), "main form");
            Assert.Contains("100%", result.Text("[data-testid=result]"));
        }

        var shuffled = markup.Where(q => q.Value.Type is QuestionType.SingleChoice or QuestionType.MultipleResponse or QuestionType.Matching or QuestionType.Ordering).ToList();
        Assert.Equal(10, shuffled.Count); // 7 single choice, 1 multiple response, 1 matching and the ordering question
        Assert.Contains(shuffled, q => q.Value.Type == QuestionType.Ordering);
        Assert.All(shuffled, q => Assert.True(q.Value.Seen.Distinct().Count() > 1,
            $"{q.Key} ({q.Value.Type}): its right answer is '{q.Value.Seen[0]}' in the markup of all {Attempts} attempts."));
    }

    /// <summary>GIFT has no ordering question (Moodle XML has): one is added to the bank in French and English.</summary>
    private static Task AddOrderingQuestionAsync(LearningApp app) => app.WithTenantAsync(async sp =>
    {
        foreach (var culture in new[] { "fr", "en" })
        {
            await sp.GetRequiredService<BankImport>().ImportAsync(Bank, culture, QuestionFile.Of([new Question
            {
                Name = $"p1-q{Questions:00}",
                Text = $"Put the steps of outreach in order ({culture}).",
                Type = QuestionType.Ordering,
                Order = [$"Go where people are ({culture})", $"Listen ({culture})", $"Agree on a next step ({culture})", $"Follow up ({culture})"],
            }]), "test", default);
        }

        return 0;
    });
}
