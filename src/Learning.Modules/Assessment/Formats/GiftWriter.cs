using System.Globalization;
using System.Text;
using Learning.Modules.Assessment.Questions;

namespace Learning.Modules.Assessment.Formats;

/// <summary>Writes questions as GIFT, in the form <see cref="GiftReader"/> (and Moodle) reads back to the same
/// questions. What GIFT cannot say goes in a comment line as Moodle writes it, <c>// [id:…] [tag:…]</c>, plus
/// <c>[mark:…]</c> for a mark other than 1, which Moodle reads as a comment.</summary>
public static class GiftWriter
{
    /// <summary>Whether GIFT can carry the question (it has no ordering question).</summary>
    public static bool CanWrite(Question question) => question.Type != QuestionType.Ordering;

    public static string Write(IEnumerable<Question> questions)
    {
        var gift = new StringBuilder();
        string? category = null;
        foreach (var question in questions)
        {
            if (!CanWrite(question))
            {
                throw new NotSupportedException($"GIFT has no ordering question ('{question.Name}'): export the bank as Moodle XML.");
            }

            if (question.Category is { } next && next != category)
            {
                gift.Append("$CATEGORY: $course$/").Append(next).Append("\n\n");
                category = next;
            }

            var comment = string.Concat(
                question.IdNumber is { Length: > 0 } id ? $" [id:{id.Replace("]", "\\]")}]" : "",
                string.Concat(question.Tags.Select(t => $" [tag:{t.Replace("]", "\\]")}]")),
                question.Mark != 1 ? $" [mark:{Format(question.Mark)}]" : "");
            if (comment.Length > 0)
            {
                gift.Append("//").Append(comment).Append('\n');
            }

            gift.Append("::").Append(Escape(question.Name)).Append("::");
            gift.Append(question.Format switch { TextFormat.Html => "[html]", TextFormat.Markdown => "[markdown]", TextFormat.Plain => "[plain]", _ => "" });
            if (question.Type == QuestionType.Description)
            {
                gift.Append(Escape(question.Text)).Append("\n\n");
                continue;
            }

            // A missing word's blank is where the answer block goes (when text follows it: otherwise the
            // block would end the question, and the blank would be lost).
            var blank = question.Text.IndexOf(GiftReader.Blank, StringComparison.Ordinal);
            var missingWord = blank >= 0 && question.Text[(blank + GiftReader.Blank.Length)..].Trim().Length > 0;
            var (before, after) = missingWord ? (question.Text[..blank], question.Text[(blank + GiftReader.Blank.Length)..]) : (question.Text + " ", "");
            gift.Append(Escape(before)).Append('{');
            gift.Append(question.Type switch
            {
                QuestionType.TrueFalse => TrueFalse(question),
                QuestionType.Numerical => "#" + string.Join(' ', question.Numbers.Select(n => n.AnyValue
                    ? $"~{Weight(n.Fraction, always: false)}{(n.Feedback is null ? "#" : Feedback(n.Feedback))}"
                    : $"={Weight(n.Fraction, always: n.Fraction != 1)}{Number(n)}{Feedback(n.Feedback)}")),
                QuestionType.Matching => string.Join(' ', question.Pairs.Select(p => $"={Escape(p.Item)} -> {Escape(p.Match)}")),
                // After '=', no weight means 1: every other weight is written, 0 too.
                QuestionType.ShortAnswer => string.Join(' ', question.Choices.Select(c => $"={Weight(c.Fraction, always: c.Fraction != 1)}{Escape(c.Text)}{Feedback(c.Feedback)}")),
                QuestionType.MultipleResponse => string.Join(' ', question.Choices.Select(c => $"~{Weight(c.Fraction, always: true)}{Escape(c.Text)}{Feedback(c.Feedback)}")),
                _ => string.Join(' ', question.Choices.Select(c => (c.Fraction == 1 ? "=" : "~" + Weight(c.Fraction, always: false)) + Escape(c.Text) + Feedback(c.Feedback))),
            });
            if (question.GeneralFeedback is { Length: > 0 } general)
            {
                gift.Append(" ####").Append(Escape(general));
            }

            gift.Append('}').Append(Escape(after));

            gift.Append("\n\n");
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
