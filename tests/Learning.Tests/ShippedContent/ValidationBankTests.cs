using Learning.Modules.Assessment;
using Learning.Modules.Assessment.Formats;
using Learning.Modules.Assessment.Questions;
using Learning.Modules.Core;
using Learning.Tests.Infrastructure;

namespace Learning.Tests.ShippedContent;

// Shipped content: these tests read the MOOC's own GIFT banks as a learner meets them: drawn, answered, corrected.
/// <summary>A part's validation bank as a test uses it: a draw that covers the part's objectives, right answers that
/// earn the whole mark, and feedback for every answer a learner can give.</summary>
public sealed class ValidationBankTests
{
    public static TheoryData<string> TaggedParts => ["part-1", "part-2", "part-3", "part-4"];

    private static List<Question> Bank(string part, string culture) =>
        GiftReader.Read(File.ReadAllText(Path.Combine(Repository.Root, "content", "mooc", part, $"validation.{culture}.gift"))).Questions.ToList();

    [Theory]
    [MemberData(nameof(TaggedParts))]
    public void A_draw_of_ten_asks_one_or_two_questions_on_each_of_the_parts_objectives(string part)
    {
        var pool = Bank(part, Cultures.Default).ToDictionary(q => q.Name);
        var objectives = pool.Values.Select(q => q.Tags.Single(t => t.StartsWith(Examiner.ObjectiveTag, StringComparison.Ordinal))).Distinct().Count();
        // part.fr.md lists six objectives for part 1, five for the others.
        Assert.Equal(part == "part-1" ? 6 : 5, objectives);
        // 10 over 6 objectives: a round of 6, then 4 more, so four objectives twice and two once; over 5: twice each.
        int[] expected = part == "part-1" ? [1, 1, 2, 2, 2, 2] : [2, 2, 2, 2, 2];
        for (var i = 0; i < 100; i++)
        {
            var drawn = Examiner.Draw(pool, 10);
            var perObjective = drawn.GroupBy(name => pool[name].Tags.Single(t => t.StartsWith(Examiner.ObjectiveTag, StringComparison.Ordinal))).Select(g => g.Count()).ToList();
            Assert.Equal(expected, perObjective.Order());
        }
    }

    [Theory]
    [MemberData(nameof(TaggedParts))]
    public void In_every_culture_the_right_answers_earn_the_whole_mark_and_every_answer_has_feedback(string part)
    {
        foreach (var culture in Cultures.All)
        {
            foreach (var question in Bank(part, culture))
            {
                var where = $"{part} {culture} {question.Name}";
                Assert.True(Scoring.Score(question, RightAnswer(question)) == 1m, $"{where}: the right answer does not earn the whole mark.");
                var feedbackOnEachAnswer = question.Type switch
                {
                    QuestionType.SingleChoice or QuestionType.MultipleResponse or QuestionType.TrueFalse => question.Choices.All(c => c.Feedback is { Length: > 0 }),
                    // A number outside the answers gets the catch-all's feedback.
                    QuestionType.Numerical => question.Numbers.All(n => n.Feedback is { Length: > 0 }) && question.Numbers.Any(n => n.AnyValue),
                    // Matching items have no feedback of their own in GIFT: the general feedback speaks to all.
                    QuestionType.Matching => question.GeneralFeedback is { Length: > 0 },
                    // A wrong short answer gets the general feedback, or that of a catch-all ("=%0%*#…").
                    QuestionType.ShortAnswer => question.Choices.All(c => c.Feedback is { Length: > 0 })
                        && (question.GeneralFeedback is { Length: > 0 } || question.Choices.Any(c => c.Text == "*" && c.Fraction == 0)),
                    _ => false,
                };
                Assert.True(feedbackOnEachAnswer, $"{where}: an answer has no feedback.");
            }
        }
    }

    private static Response RightAnswer(Question question) => question.Type switch
    {
        QuestionType.MultipleResponse => new ChoiceResponse(question.Choices.Select((c, i) => (c, i)).Where(x => x.c.Fraction > 0).Select(x => x.i).ToHashSet()),
        QuestionType.Matching => new MatchingResponse(question.MatchingItems.ToDictionary(item => item.Index, item => item.Index)),
        QuestionType.ShortAnswer => new TextResponse(question.Choices.First(c => c.Fraction == 1).Text),
        QuestionType.Numerical => new NumberResponse(question.Numbers.First(n => n.Fraction == 1 && !n.AnyValue).Value),
        _ => ChoiceResponse.Of(question.Choices.Select((c, i) => (c, i)).First(x => x.c.Fraction == 1).i),
    };
}
