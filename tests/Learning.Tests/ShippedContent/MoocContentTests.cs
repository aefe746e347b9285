using Learning.Modules.Assessment.Formats;
using Learning.Modules.Assessment.Questions;
using Learning.Tests.Infrastructure;

namespace Learning.Tests.ShippedContent;

// Shipped content: these tests read the MOOC's own GIFT banks, so that a question lost in one culture fails here.
/// <summary>The MOOC's validation questions in content/mooc/ (GIFT), as the banks import them.</summary>
public sealed class MoocContentTests
{
    [Fact]
    public void The_moocs_validation_tests_hold_42_questions_in_each_culture_with_the_same_answers()
    {
        var folder = Path.Combine(Repository.Root, "content", "mooc");
        var files = Directory.GetFiles(folder, "validation.*.gift", SearchOption.AllDirectories).Order().ToList();
        Assert.Equal(24, files.Count); // four parts × six cultures
        var byCulture = files.GroupBy(f => f.Split('.')[^2])
            .ToDictionary(g => g.Key, g => g.SelectMany(f => GiftReader.Read(File.ReadAllText(f)).Questions).ToList());

        Assert.Equal(6, byCulture.Count);
        var french = byCulture["fr"];
        Assert.Equal(42, french.Count);
        foreach (var (culture, questions) in byCulture)
        {
            // Same questions, types, answers, weights and numbers; other texts.
            Assert.Equal(french.Select(Shape), questions.Select(Shape));
            if (culture != "fr")
            {
                Assert.True(french.Zip(questions).Count(p => p.First.Text != p.Second.Text) >= 40, $"{culture} looks untranslated");
            }
        }
    }

    private static string Shape(Question q) =>
        $"{q.Name}|{q.Type}|{string.Join(",", q.Choices.Select(c => c.Fraction))}|{q.Pairs.Count}|{string.Join(",", q.Numbers.Select(n => $"{n.Min}-{n.Max}-{n.Fraction}"))}";
}
