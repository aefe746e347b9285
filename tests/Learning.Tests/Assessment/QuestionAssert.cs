using Learning.Modules.Assessment.Questions;

namespace Learning.Tests.Assessment;

/// <summary>Compares questions field by field, so that a failure names the question and what changed, and
/// an empty list read back cannot pass for the same questions.</summary>
public static class QuestionAssert
{
    public static void Same(IReadOnlyList<Question> expected, IReadOnlyList<Question> actual, bool compareRangeNotation = true)
    {
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Select(q => q.Name), actual.Select(q => q.Name));
        foreach (var (before, after) in expected.Zip(actual))
        {
            Same(before, after, compareRangeNotation);
        }
    }

    public static void Same(Question expected, Question actual, bool compareRangeNotation = true)
    {
        var name = expected.Name;
        Assert.True(expected.Type == actual.Type, $"{name}: type {expected.Type} became {actual.Type}");
        Assert.True(expected.Text == actual.Text, $"{name}: text '{expected.Text}' became '{actual.Text}'");
        Assert.True(expected.Category == actual.Category, $"{name}: category '{expected.Category}' became '{actual.Category}'");
        Assert.True(expected.Format == actual.Format, $"{name}: format {expected.Format} became {actual.Format}");
        Assert.True(expected.Mark == actual.Mark && expected.Penalty == actual.Penalty, $"{name}: mark {expected.Mark} (penalty {expected.Penalty}) became {actual.Mark} ({actual.Penalty})");
        Assert.True((expected.IdNumber ?? "") == (actual.IdNumber ?? "") && expected.Tags.SequenceEqual(actual.Tags), $"{name}: ID number '{expected.IdNumber}' and tags [{string.Join(", ", expected.Tags)}] became '{actual.IdNumber}' and [{string.Join(", ", actual.Tags)}]");
        Assert.True(expected.CaseSensitive == actual.CaseSensitive && expected.Grading == actual.Grading, $"{name}: case sensitivity or ordering grading changed");
        Assert.True((expected.GeneralFeedback ?? "") == (actual.GeneralFeedback ?? ""), $"{name}: general feedback '{expected.GeneralFeedback}' became '{actual.GeneralFeedback}'");
        Assert.True(expected.Choices.Count == actual.Choices.Count, $"{name}: {expected.Choices.Count} choices became {actual.Choices.Count}");
        foreach (var (before, after) in expected.Choices.Zip(actual.Choices))
        {
            Assert.True(before.Text == after.Text && before.Fraction == after.Fraction && (before.Feedback ?? "") == (after.Feedback ?? ""),
                $"{name}: choice '{before.Text}' ({before.Fraction}, '{before.Feedback}') became '{after.Text}' ({after.Fraction}, '{after.Feedback}')");
        }

        Assert.True(expected.Pairs.SequenceEqual(actual.Pairs), $"{name}: pairs [{string.Join(", ", expected.Pairs)}] became [{string.Join(", ", actual.Pairs)}]");
        Assert.True(expected.Order.SequenceEqual(actual.Order), $"{name}: order [{string.Join(", ", expected.Order)}] became [{string.Join(", ", actual.Order)}]");
        var numbers = compareRangeNotation ? expected.Numbers : expected.Numbers.Select(n => n with { AsRange = false }).ToList();
        var numbersAfter = compareRangeNotation ? actual.Numbers : actual.Numbers.Select(n => n with { AsRange = false }).ToList();
        Assert.True(numbers.SequenceEqual(numbersAfter), $"{name}: numbers [{string.Join(", ", expected.Numbers)}] became [{string.Join(", ", actual.Numbers)}]");
    }
}
