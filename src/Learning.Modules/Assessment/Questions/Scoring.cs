using Learning.Modules.Content;

namespace Learning.Modules.Assessment.Questions;

/// <summary>
/// How answers are scored, each question out of 1:
/// <list type="bullet">
/// <item>single choice and true/false: the chosen answer's fraction (nothing chosen: 0);</item>
/// <item>multiple response: the sum of the ticked choices' fractions, relative to the sum of the positive
/// fractions (so that three answers weighted 33.33333% each make exactly 1), clamped to [0, 1]; wrong choices
/// carry negative fractions, so ticking everything earns nothing;</item>
/// <item>matching and ordering: the share of items matched or placed right;</item>
/// <item>short answer: the best fraction among accepted answers equal to the response, ignoring case, accents
/// and extra spaces;</item>
/// <item>numerical: the best fraction among answers whose range holds the value.</item>
/// </list>
/// A test's score is the sum of its questions' scores over their number; it passes when
/// score × 100 ≥ pass mark × number, compared in decimals: 7 of 10 passes at 70, 69.99% fails.
/// </summary>
public static class Scoring
{
    public static decimal Score(Question question, Response? response) => question.Type switch
    {
        _ when response is null => 0m,
        QuestionType.SingleChoice or QuestionType.TrueFalse when response is ChoiceResponse { Selected.Count: 1 } one =>
            Clamp(question.Choices.ElementAtOrDefault(one.Selected.Single())?.Fraction ?? 0m),
        QuestionType.MultipleResponse when response is ChoiceResponse ticked => MultipleResponse(question, ticked),
        QuestionType.Matching when response is MatchingResponse matching && question.Pairs.Count > 0 =>
            (decimal)question.Pairs.Select((pair, i) => matching.Matches.TryGetValue(i, out var chosen) && chosen >= 0 && chosen < question.Pairs.Count && question.Pairs[chosen].Match == pair.Match).Count(right => right) / question.Pairs.Count,
        QuestionType.Ordering when response is OrderingResponse ordering && question.Order.Count > 0 =>
            (decimal)ordering.Order.Take(question.Order.Count).Select((item, position) => item == position).Count(right => right) / question.Order.Count,
        QuestionType.ShortAnswer when response is TextResponse text =>
            Clamp(question.Choices.Where(c => Same(c.Text, text.Text)).Select(c => c.Fraction).DefaultIfEmpty(0m).Max()),
        QuestionType.Numerical when response is NumberResponse number =>
            Clamp(question.Numbers.Where(n => n.Min <= number.Value && number.Value <= n.Max).Select(n => n.Fraction).DefaultIfEmpty(0m).Max()),
        _ => 0m,
    };

    /// <summary>Whether a test is passed: the exact comparison of the sum of scores with the pass mark.</summary>
    public static bool Passed(decimal totalScore, int questionCount, decimal passPercent) =>
        questionCount > 0 && totalScore * 100m >= passPercent * questionCount;

    /// <summary>A test's score as a percentage, for display only (the pass decision never uses it).</summary>
    public static decimal Percent(decimal totalScore, int questionCount) => questionCount == 0 ? 0m : totalScore * 100m / questionCount;

    /// <summary>The percentage cut (not rounded) to two decimals, so that 69.999% never shows as 70%.</summary>
    public static decimal DisplayPercent(decimal totalScore, int questionCount) => Math.Floor(Percent(totalScore, questionCount) * 100m) / 100m;

    private static decimal MultipleResponse(Question question, ChoiceResponse ticked)
    {
        var positive = question.Choices.Where(c => c.Fraction > 0).Sum(c => c.Fraction);
        if (positive <= 0)
        {
            return 0m;
        }

        var sum = ticked.Selected.Where(i => i >= 0 && i < question.Choices.Count).Sum(i => question.Choices[i].Fraction);
        return Clamp(sum / positive);
    }

    private static bool Same(string accepted, string given) => Normalise(accepted) == Normalise(given);

    private static string Normalise(string text) => string.Join(' ', TextFolding.Fold(text).Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static decimal Clamp(decimal value) => Math.Clamp(value, 0m, 1m);
}
