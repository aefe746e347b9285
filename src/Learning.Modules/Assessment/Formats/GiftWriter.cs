using System.Globalization;
using System.Text;
using Learning.Modules.Assessment.Questions;

namespace Learning.Modules.Assessment.Formats;

/// <summary>Writes questions as GIFT, in the form <see cref="GiftReader"/> reads back to the same questions.</summary>
public static class GiftWriter
{
    public static string Write(IEnumerable<Question> questions)
    {
        var gift = new StringBuilder();
        string? category = null;
        foreach (var question in questions)
        {
            if (question.Type == QuestionType.Ordering)
            {
                throw new NotSupportedException($"GIFT has no ordering question ('{question.Name}'): export the bank as Moodle XML.");
            }

            if (question.Category is { } next && next != category)
            {
                gift.Append("$CATEGORY: ").Append(next).Append("\n\n");
                category = next;
            }

            gift.Append("::").Append(Escape(question.Name)).Append(":: ").Append(Escape(question.Text)).Append(" {");
            gift.Append(question.Type switch
            {
                QuestionType.TrueFalse => TrueFalse(question),
                QuestionType.Numerical => "#" + string.Join(' ', question.Numbers.Select(n => $"={Weight(n.Fraction, always: false)}{Number(n)}{Feedback(n.Feedback)}")),
                QuestionType.Matching => string.Join(' ', question.Pairs.Select(p => $"={Escape(p.Item)} -> {Escape(p.Match)}")),
                QuestionType.ShortAnswer => string.Join(' ', question.Choices.Select(c => $"={Weight(c.Fraction, always: false)}{Escape(c.Text)}{Feedback(c.Feedback)}")),
                QuestionType.MultipleResponse => string.Join(' ', question.Choices.Select(c => $"~{Weight(c.Fraction, always: true)}{Escape(c.Text)}{Feedback(c.Feedback)}")),
                _ => string.Join(' ', question.Choices.Select(c => (c.Fraction == 1 ? "=" : "~" + Weight(c.Fraction, always: false)) + Escape(c.Text) + Feedback(c.Feedback))),
            });
            if (question.GeneralFeedback is { Length: > 0 } general)
            {
                gift.Append(" ####").Append(Escape(general));
            }

            gift.Append("}\n\n");
        }

        return gift.ToString();
    }

    private static string TrueFalse(Question question)
    {
        var isTrue = question.Choices[0].Fraction == 1;
        var (right, wrong) = isTrue ? (question.Choices[0].Feedback, question.Choices[1].Feedback) : (question.Choices[1].Feedback, question.Choices[0].Feedback);
        return (isTrue ? "TRUE" : "FALSE") + (right is null && wrong is null ? "" : $"#{Escape(wrong ?? "")}#{Escape(right ?? "")}");
    }

    private static string Number(NumericalAnswer n) => n.AsRange
        ? $"{Format(n.Min)}..{Format(n.Max)}"
        : $"{Format(n.Value)}:{Format(n.Tolerance)}";

    private static string Weight(decimal fraction, bool always) =>
        !always && (fraction == 1 || fraction == 0) ? "" : $"%{Format(fraction * 100)}%";

    private static string Format(decimal value) => value.ToString("0.#############################", CultureInfo.InvariantCulture);

    private static string Feedback(string? feedback) => feedback is null ? "" : "#" + Escape(feedback);

    private static string Escape(string text)
    {
        var escaped = new StringBuilder();
        foreach (var character in text)
        {
            if (character is '~' or '=' or '#' or '{' or '}' or ':' or '\\')
            {
                escaped.Append('\\');
            }

            escaped.Append(character == '\n' ? "\\n" : character.ToString());
        }

        return escaped.ToString();
    }
}
