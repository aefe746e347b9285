using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Learning.Modules.Assessment.Questions;

namespace Learning.Modules.Assessment.Formats;

/// <summary>
/// Reads Moodle's GIFT format: <c>//</c> comments, <c>$CATEGORY:</c>, <c>::name::</c>, the answer block in
/// braces with <c>=</c> right and <c>~</c> wrong answers, <c>%weight%</c>, <c>#feedback</c>, <c>####</c>
/// general feedback, TRUE/FALSE, <c>-&gt;</c> matching, <c>#</c> numerical (value:tolerance, min..max), and the
/// escapes <c>\: \# \= \{ \} \~</c>. A malformed file is refused whole, with the line of the problem.
/// (GIFT has no ordering question: Moodle XML carries those.)
/// </summary>
public static partial class GiftReader
{
    public static IReadOnlyList<Question> Read(string gift)
    {
        var questions = new List<Question>();
        string? category = null;
        var lines = gift.Replace("\r\n", "\n").Split('\n');
        var block = new StringBuilder();
        var blockStart = 0;

        void Flush()
        {
            if (block.Length > 0)
            {
                try
                {
                    questions.Add(ReadQuestion(block.ToString(), blockStart, category, questions.Count + 1));
                }
                catch (Exception exception) when (exception is ArgumentException or FormatException or OverflowException or IndexOutOfRangeException)
                {
                    // Broken questions the checks above do not name (found by the hostile-input corpus) are still refused with their line.
                    throw new QuestionFormatException(blockStart, "This question cannot be read: check its braces and answers.");
                }
                block.Clear();
            }
        }

        var braceDepth = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var trimmed = line.Trim();
            if (braceDepth == 0 && trimmed.StartsWith("//", StringComparison.Ordinal))
            {
                continue;
            }

            if (braceDepth == 0 && trimmed.StartsWith("$CATEGORY:", StringComparison.Ordinal))
            {
                Flush();
                category = trimmed["$CATEGORY:".Length..].Trim().Replace("$course$/", "");
                continue;
            }

            if (braceDepth == 0 && trimmed.Length == 0)
            {
                Flush();
                continue;
            }

            if (block.Length == 0)
            {
                blockStart = i + 1;
            }

            block.Append(line).Append('\n');
            braceDepth += Braces(line);
            if (braceDepth < 0)
            {
                throw new QuestionFormatException(i + 1, "A closing brace '}' has no opening brace.");
            }
        }

        if (braceDepth > 0)
        {
            throw new QuestionFormatException(blockStart, "The answer block is not closed: a '}' is missing.");
        }

        Flush();
        return questions;
    }

    private static Question ReadQuestion(string text, int line, string? category, int number)
    {
        var name = $"q{number}";
        var title = Title().Match(text);
        if (title.Success)
        {
            name = Unescape(title.Groups[1].Value.Trim());
            text = text[(title.Index + title.Length)..];
        }

        var open = IndexOfUnescaped(text, '{');
        if (open < 0)
        {
            throw new QuestionFormatException(line, $"The question '{name}' has no answer block in braces.");
        }

        var close = IndexOfUnescaped(text, '}', open);
        var before = StripFormat(text[..open]).Trim();
        var after = text[(close + 1)..].Trim();
        var answers = text[(open + 1)..close].Trim();
        var questionText = Unescape(string.Join(' ', new[] { before, after.Length > 0 ? "_____ " + after : "" }.Where(s => s.Length > 0)).Trim());
        if (questionText.Length == 0)
        {
            throw new QuestionFormatException(line, $"The question '{name}' has no text.");
        }

        // General feedback: "####" inside the answer block.
        string? general = null;
        var generalAt = answers.IndexOf("####", StringComparison.Ordinal);
        if (generalAt >= 0)
        {
            general = Unescape(answers[(generalAt + 4)..].Trim());
            answers = answers[..generalAt].Trim();
        }

        var question = new Question { Name = name, Text = questionText, Type = QuestionType.SingleChoice, Category = category, GeneralFeedback = general };
        if (answers.Length == 0)
        {
            throw new QuestionFormatException(line, $"The question '{name}' has an empty answer block (essays are not supported).");
        }

        if (TrueFalse().Match(answers) is { Success: true } tf)
        {
            var isTrue = tf.Groups[1].Value.StartsWith('T');
            var feedbacks = SplitUnescaped(tf.Groups[2].Value, '#').Skip(1).Select(f => Unescape(f.Trim())).ToList();
            var (wrong, right) = (feedbacks.ElementAtOrDefault(0), feedbacks.ElementAtOrDefault(1));
            return question with
            {
                Type = QuestionType.TrueFalse,
                Choices = [new Choice("True", isTrue ? 1 : 0, NullIfEmpty(isTrue ? right : wrong)), new Choice("False", isTrue ? 0 : 1, NullIfEmpty(isTrue ? wrong : right))],
            };
        }

        if (answers.StartsWith('#'))
        {
            return question with { Type = QuestionType.Numerical, Numbers = ReadNumbers(answers[1..], line, name) };
        }

        var parts = SplitAnswers(answers, line, name);
        if (parts.All(p => p.Right) && parts.Any(p => ContainsUnescaped(p.Text, "->")))
        {
            if (parts.Count < 2 || parts.Any(p => !ContainsUnescaped(p.Text, "->")))
            {
                throw new QuestionFormatException(line, $"The matching question '{name}' needs at least two '=item -> match' answers.");
            }

            return question with
            {
                Type = QuestionType.Matching,
                Pairs = parts.Select(p =>
                {
                    var arrow = p.Text.IndexOf("->", StringComparison.Ordinal);
                    return new MatchPair(Unescape(p.Text[..arrow].Trim()), Unescape(p.Text[(arrow + 2)..].Trim()));
                }).ToList(),
            };
        }

        var choices = parts.Select(p => new Choice(Unescape(p.Text.Trim()), p.Weight ?? (p.Right ? 1m : 0m), p.Feedback)).ToList();
        if (parts.All(p => p.Right))
        {
            return question with { Type = QuestionType.ShortAnswer, Choices = choices };
        }

        // One '=' answer: single choice (other answers may carry partial credit). No '=': weighted
        // answers that several may be ticked, a multiple-response question.
        var rightAnswers = parts.Count(p => p.Right);
        if (rightAnswers > 1)
        {
            throw new QuestionFormatException(line, $"The question '{name}' has several '=' answers: weight them instead ('~%50%').");
        }

        var multiple = rightAnswers == 0;
        if (multiple && !choices.Any(c => c.Fraction > 0))
        {
            throw new QuestionFormatException(line, $"The question '{name}' has no right answer: mark one with '=' or weight some with '~%50%'.");
        }

        return question with { Type = multiple ? QuestionType.MultipleResponse : QuestionType.SingleChoice, Choices = choices };
    }

    private sealed record Part(bool Right, decimal? Weight, string Text, string? Feedback);

    /// <summary>Cuts "=a#f ~%50%b ~c" into answers at each unescaped '=' or '~'.</summary>
    private static List<Part> SplitAnswers(string answers, int line, string name)
    {
        var parts = new List<Part>();
        var starts = new List<int>();
        for (var i = 0; i < answers.Length; i++)
        {
            if (answers[i] == '\\')
            {
                i++;
                continue;
            }

            // "->" in matching answers is not an answer start; '=' and '~' are.
            if (answers[i] is '=' or '~')
            {
                starts.Add(i);
            }
        }

        if (starts.Count == 0 || answers[..starts[0]].Trim().Length > 0)
        {
            throw new QuestionFormatException(line, $"The answers of '{name}' must start with '=' or '~'.");
        }

        for (var s = 0; s < starts.Count; s++)
        {
            var end = s + 1 < starts.Count ? starts[s + 1] : answers.Length;
            var raw = answers[(starts[s] + 1)..end].Trim();
            decimal? weight = null;
            if (Weight().Match(raw) is { Success: true } w)
            {
                weight = decimal.Parse(w.Groups[1].Value, CultureInfo.InvariantCulture) / 100m;
                raw = raw[w.Length..];
            }

            var pieces = SplitUnescaped(raw, '#');
            if (pieces[0].Trim().Length == 0)
            {
                throw new QuestionFormatException(line, $"An answer of '{name}' is empty.");
            }

            parts.Add(new Part(answers[starts[s]] == '=', weight, pieces[0].Trim(), pieces.Count > 1 ? NullIfEmpty(Unescape(string.Join('#', pieces.Skip(1)).Trim())) : null));
        }

        return parts;
    }

    private static List<NumericalAnswer> ReadNumbers(string text, int line, string name)
    {
        text = text.Trim();
        var entries = text.StartsWith('=') ? SplitAnswers(text, line, name).Select(p => (p.Text, Weight: p.Weight ?? 1m, p.Feedback)).ToList()
            : [(Text: SplitUnescaped(text, '#')[0].Trim(), Weight: 1m, Feedback: SplitUnescaped(text, '#').Skip(1).Select(f => Unescape(f.Trim())).FirstOrDefault())];
        var numbers = new List<NumericalAnswer>();
        foreach (var (value, weight, feedback) in entries)
        {
            var range = value.Split("..");
            var tolerance = value.Split(':');
            if (range.Length == 2 && Number(range[0]) is { } min && Number(range[1]) is { } max && min <= max)
            {
                numbers.Add(new NumericalAnswer(min, max, weight, NullIfEmpty(feedback), AsRange: true));
            }
            else if (Number(tolerance[0]) is { } number && (tolerance.Length == 1 || Number(tolerance[1]) is not null) && tolerance.Length <= 2)
            {
                numbers.Add(NumericalAnswer.WithTolerance(number, tolerance.Length == 2 ? Number(tolerance[1])!.Value : 0m, weight, NullIfEmpty(feedback)));
            }
            else
            {
                throw new QuestionFormatException(line, $"'{value}' in '{name}' is not a number, 'value:tolerance' or 'min..max'.");
            }
        }

        return numbers;
    }

    private static decimal? Number(string text) =>
        decimal.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static int Braces(string line)
    {
        var depth = 0;
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == '\\')
            {
                i++;
            }
            else if (line[i] == '{')
            {
                depth++;
            }
            else if (line[i] == '}')
            {
                depth--;
            }
        }

        return depth;
    }

    private static int IndexOfUnescaped(string text, char character, int from = 0)
    {
        for (var i = from; i < text.Length; i++)
        {
            if (text[i] == '\\')
            {
                i++;
            }
            else if (text[i] == character)
            {
                return i;
            }
        }

        return -1;
    }

    private static bool ContainsUnescaped(string text, string value) => text.Replace("\\-", "").Contains(value, StringComparison.Ordinal);

    private static List<string> SplitUnescaped(string text, char separator)
    {
        var parts = new List<string>();
        var current = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 1 < text.Length)
            {
                current.Append(text[i]).Append(text[++i]);
            }
            else if (text[i] == separator)
            {
                parts.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(text[i]);
            }
        }

        parts.Add(current.ToString());
        return parts;
    }

    private static string Unescape(string text) => Escape().Replace(text.Replace("\\n", "\n"), m => m.Groups[1].Value).Trim();

    private static string StripFormat(string text) => FormatPrefix().Replace(text.TrimStart(), "");

    private static string? NullIfEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    [GeneratedRegex(@"^\s*::((?:[^:\\]|\\.|:(?!:))*)::", RegexOptions.Singleline)]
    private static partial Regex Title();

    [GeneratedRegex(@"^(TRUE|FALSE|T|F)\s*((?:#.*)?)$", RegexOptions.Singleline)]
    private static partial Regex TrueFalse();

    // ASCII digits only (\d also matches other scripts' digits, which decimal.Parse refuses), few enough not to overflow.
    [GeneratedRegex(@"^%(-?[0-9]{1,9}(?:\.[0-9]{1,9})?)%")]
    private static partial Regex Weight();

    [GeneratedRegex(@"\\([:#={}~\\])")]
    private static partial Regex Escape();

    [GeneratedRegex(@"^\[(html|moodle|plain|markdown)\]")]
    private static partial Regex FormatPrefix();
}
