using System.Text;
using System.Text.RegularExpressions;
using Learning.Modules.Content;

namespace Learning.Modules.Assessment.Questions;

/// <summary>
/// How answers are scored, as Moodle scores them, each question as a fraction of its mark:
/// <list type="bullet">
/// <item>single choice and true/false: the chosen answer's fraction (nothing chosen: 0);</item>
/// <item>multiple response: the sum of the ticked choices' fractions, relative to the sum of the positive
/// fractions (so that three answers weighted 33.33333% each make exactly 1), clamped to [0, 1]; wrong choices
/// carry negative fractions, so ticking everything earns nothing;</item>
/// <item>matching: the share of items matched right (distractors are not items);</item>
/// <item>ordering: by the question's <see cref="OrderingGrading"/>, the share of items in their place by default;</item>
/// <item>short answer: the fraction of the first accepted answer (in the author's order) that the response
/// matches, where <c>*</c> stands for any text; case (unless the question says it counts), accents,
/// typographic quotes, apostrophes, dashes and spaces never count: "d’action" on a phone is "d'action";</item>
/// <item>numerical: the fraction of the first answer whose range holds the value (Moodle's "*" holds any).</item>
/// </list>
/// A test's score is the marks earned (fraction × mark, summed) over the marks available; it passes when
/// earned × 100 ≥ pass mark × available, compared in decimals: 7 of 10 passes at 70, 69.99% fails.
/// </summary>
public static class Scoring
{
    /// <summary>The fraction of its mark the response earns, from 0 to 1.</summary>
    public static decimal Score(Question question, Response? response) => question.Type switch
    {
        _ when response is null => 0m,
        QuestionType.SingleChoice or QuestionType.TrueFalse when response is ChoiceResponse { Selected.Count: 1 } one =>
            Clamp(question.Choices.ElementAtOrDefault(one.Selected.Single())?.Fraction ?? 0m),
        QuestionType.MultipleResponse when response is ChoiceResponse ticked => MultipleResponse(question, ticked),
        QuestionType.Matching when response is MatchingResponse matching && question.MatchingItems.Any() =>
            (decimal)question.MatchingItems.Count(item => matching.Matches.TryGetValue(item.Index, out var chosen) && chosen >= 0 && chosen < question.Pairs.Count && question.Pairs[chosen].Match == item.Pair.Match)
                / question.MatchingItems.Count(),
        QuestionType.Ordering when response is OrderingResponse ordering && question.Order.Count > 1 => Ordering(question.Grading, ordering.Order.Take(question.Order.Count).ToList(), question.Order.Count),
        QuestionType.ShortAnswer when response is TextResponse text => Clamp(MatchingAnswer(question, text.Text)?.Fraction ?? 0m),
        QuestionType.Numerical when response is NumberResponse number => Clamp(MatchingNumber(question, number.Value)?.Fraction ?? 0m),
        _ => 0m,
    };

    /// <summary>The marks the response earns: its fraction of the question's mark.</summary>
    public static decimal Points(Question question, Response? response) => Score(question, response) * question.Mark;

    /// <summary>Short answer: the accepted answer the response matches, first in the author's order, as Moodle takes it.</summary>
    public static Choice? MatchingAnswer(Question question, string response) =>
        question.Choices.FirstOrDefault(c => Matches(c.Text, response, question.CaseSensitive));

    /// <summary>Numerical: the answer whose range holds the value, first in the author's order.</summary>
    public static NumericalAnswer? MatchingNumber(Question question, decimal value) => question.Numbers.FirstOrDefault(n => n.Holds(value));

    /// <summary>Whether a test is passed: the exact comparison of the marks earned with the pass mark.</summary>
    public static bool Passed(decimal earned, decimal available, decimal passPercent) =>
        available > 0 && earned * 100m >= passPercent * available;

    /// <summary>A test's score as a percentage, for display only (the pass decision never uses it).</summary>
    public static decimal Percent(decimal earned, decimal available) => available == 0 ? 0m : earned * 100m / available;

    /// <summary>The percentage cut (not rounded) to two decimals, so that 69.999% never shows as 70%.</summary>
    public static decimal DisplayPercent(decimal earned, decimal available) => Math.Floor(Percent(earned, available) * 100m) / 100m;

    /// <summary>Text as short answers compare it: typographic quotes, apostrophes, dashes and spaces made
    /// plain, runs of spaces made one, accents removed, and case too unless it counts.</summary>
    public static string Normalise(string text, bool caseSensitive = false)
    {
        var plain = new StringBuilder(text.Length);
        foreach (var character in text)
        {
            plain.Append(character switch
            {
                '\u2019' or '\u2018' or '\u201B' or '\u02BC' or '\u2032' or '\u00B4' or '`' => '\'',
                '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u00AB' or '\u00BB' or '\u2033' => '"',
                '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' => '-',
                _ when char.IsWhiteSpace(character) => ' ', // no-break, narrow no-break, thin spaces…
                _ => character,
            });
        }

        var folded = caseSensitive ? RemoveAccents(plain.ToString()) : TextFolding.Fold(plain.ToString());
        // « guillemets » typed with spaces inside are the same answer without them.
        return string.Join(' ', folded.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Replace("\" ", "\"").Replace(" \"", "\"");
    }

    private static bool Matches(string accepted, string given, bool caseSensitive)
    {
        var (answer, response) = (Normalise(accepted, caseSensitive), Normalise(given, caseSensitive));
        if (!answer.Contains('*'))
        {
            return answer == response;
        }

        // Moodle's wildcard: '*' stands for any text, even none, "\*" for a star; every other character is
        // itself. Without backtracking, an author's "a*a*a*a*b" takes linear time whatever a learner types.
        var pattern = "^" + string.Join(".*", answer.Replace("\\*", "\u0001").Split('*').Select(part => Regex.Escape(part).Replace("\u0001", "\\*"))) + "$";
        return Regex.IsMatch(response, pattern, RegexOptions.Singleline | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
    }

    private static string RemoveAccents(string text) =>
        new string(text.Normalize(NormalizationForm.FormD).Where(c => char.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark).ToArray())
            .Normalize(NormalizationForm.FormC);

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

    /// <summary>An order graded as Moodle's ordering plugin grades it; item k of the response belongs in place k.</summary>
    private static decimal Ordering(OrderingGrading grading, IReadOnlyList<int> order, int count)
    {
        var inPlace = order.Select((item, position) => item == position).Count(right => right);
        var followedRight = Enumerable.Range(0, Math.Max(0, order.Count - 1)).Count(i => order[i + 1] == order[i] + 1);
        return grading switch
        {
            OrderingGrading.AllOrNothing => inPlace == count ? 1m : 0m,
            OrderingGrading.RelativeNextExcludeLast => (decimal)followedRight / (count - 1),
            OrderingGrading.RelativeNextIncludeLast => (decimal)(followedRight + (order.Count == count && order[^1] == count - 1 ? 1 : 0)) / count,
            _ => (decimal)inPlace / count,
        };
    }

    private static decimal Clamp(decimal value) => Math.Clamp(value, 0m, 1m);
}
