using System.Text.RegularExpressions;
using Learning.Modules.Assessment.Contracts;
using Learning.Modules.Assessment.Formats;
using Learning.Modules.Assessment.Questions;
using Learning.Tests.Infrastructure;

namespace Learning.Tests.ShippedContent;

// Shipped content: these tests read the MOOC's own GIFT banks, so that a question lost in one culture fails here.
/// <summary>The MOOC's validation questions in content/mooc/ (GIFT), as the banks import them.</summary>
public sealed partial class MoocContentTests
{
    [Theory]
    [InlineData("part-1")]
    [InlineData("part-2")]
    [InlineData("part-3")]
    [InlineData("part-4")]
    public void A_parts_bank_holds_twice_the_questions_a_test_draws_with_the_same_answers_in_each_culture(string part)
    {
        var folder = Path.Combine(Repository.Root, "content", "mooc", part);
        var files = Directory.GetFiles(folder, "validation.*.gift").Order().ToList();
        Assert.Equal(6, files.Count);
        var byCulture = files.ToDictionary(f => f.Split('.')[^2], f => GiftReader.Read(File.ReadAllText(f)).Questions.ToList());

        var french = byCulture["fr"];
        // A retake should meet new questions: the bank holds at least twice what one attempt draws.
        Assert.True(french.Count(q => q.IsGraded) >= 2 * new TestSettings().QuestionCount, $"{part}: {french.Count} questions.");
        foreach (var (culture, questions) in byCulture)
        {
            // Same questions, types, answers, weights and numbers; other texts.
            Assert.Equal(french.Select(Shape), questions.Select(Shape));
            if (culture != "fr")
            {
                Assert.True(french.Zip(questions).Count(p => p.First.Text != p.Second.Text) >= french.Count - 2, $"{part} {culture} looks untranslated");
            }
        }
    }

    [Theory]
    [InlineData("part-1")]
    [InlineData("part-2")]
    [InlineData("part-3")]
    [InlineData("part-4")]
    public void Every_question_serves_one_of_the_parts_objectives_and_each_objective_has_at_least_three(string part)
    {
        var folder = Path.Combine(Repository.Root, "content", "mooc", part);
        var objectives = File.ReadAllText(Path.Combine(folder, "part.fr.md")).Split("\n---\n")[0]
            .Split("\nobjectives:\n")[1].Split('\n').TakeWhile(line => line.StartsWith("  - ")).Count();
        foreach (var file in Directory.GetFiles(folder, "validation.*.gift"))
        {
            // Moodle's GIFT tags a question with a comment line "// [tag:…]" just before it.
            var tagged = QuestionWithTag().Matches(File.ReadAllText(file)).Select(m => (Name: m.Groups[2].Value, Objective: int.Parse(m.Groups[1].Value))).ToList();
            var names = GiftReader.Read(File.ReadAllText(file)).Questions.Select(q => q.Name).ToList();
            Assert.Equal(names, tagged.Select(t => t.Name));
            Assert.All(tagged, t => Assert.InRange(t.Objective, 1, objectives));
            for (var objective = 1; objective <= objectives; objective++)
            {
                Assert.True(tagged.Count(t => t.Objective == objective) >= 3, $"{Path.GetFileName(file)}: objective {objective} has fewer than 3 questions.");
            }
        }
    }

    private static string Shape(Question q) =>
        $"{q.Name}|{q.Type}|{string.Join(",", q.Choices.Select(c => c.Fraction))}|{q.Pairs.Count}|{string.Join(",", q.Numbers.Select(n => $"{n.Min}-{n.Max}-{n.Fraction}"))}";

    [GeneratedRegex(@"^// \[tag:objective-(\d+)\][^\n]*\n(?://[^\n]*\n)*::([^:]+)::", RegexOptions.Multiline)]
    private static partial Regex QuestionWithTag();
}
