using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Learning.Modules.Assessment.Questions;

namespace Learning.Modules.Assessment.Formats;

/// <summary>
/// Reads Moodle's GIFT format, as Moodle's own reader does. Questions are separated by blank lines. Lines
/// starting with <c>//</c> are comments, where <c>[id:…]</c> and <c>[tag:…]</c> give the question's ID number
/// and tags (and <c>[mark:…]</c>, this platform's addition, its mark: GIFT has no syntax for it). Then
/// <c>$CATEGORY:</c>, <c>::name::</c>, a format (<c>[moodle]</c> by default, <c>[html]</c>, <c>[markdown]</c>,
/// <c>[plain]</c>) for every text of the question, the text, and the answer block in braces:
/// <list type="bullet">
/// <item>no block: a description; an empty block <c>{}</c>: an essay, refused (nobody would grade it);</item>
/// <item><c>#</c> first: numerical, <c>value:tolerance</c>, <c>min..max</c>, or several <c>=%weight%…</c> answers,
/// and <c>~#feedback</c> for any other number;</item>
/// <item>a <c>~</c>: multiple choice; several may be ticked when no answer starts with <c>=</c>;</item>
/// <item>T, F, TRUE, FALSE: true/false, with <c>#feedback when wrong#feedback when right</c>;</item>
/// <item><c>=item -&gt; match</c>: matching; other <c>=</c> answers: short answer;</item>
/// </list>
/// with <c>%weight%</c>, <c>#feedback</c>, <c>####general feedback</c>, text after the block (a missing word,
/// shown as a blank) and the escapes <c>\~ \= \# \{ \} \: \\ \n</c>. A question that breaks these rules is
/// refused with its line and the rest of the file read; a file whose braces do not close is refused whole.
/// (GIFT has no ordering question: Moodle XML carries those.)
/// </summary>
public static partial class GiftReader
{
    public const string Blank = "_____";

    public static QuestionFile Read(string gift)
    {
        QuestionFile.CheckText(gift);
        var found = new List<FoundQuestion>();
        var refused = new List<RefusedQuestion>();
        string? category = null;
        var lines = gift.TrimStart('\uFEFF').Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        var block = new StringBuilder();
        var comments = new StringBuilder();
        var blockStart = 0;

        void Flush()
        {
            if (found.Count + refused.Count > QuestionFile.MaxQuestions)
            {
                return;
            }

            if (block.ToString().Trim().Length > 0)
            {
                var text = block.ToString();
                try
                {
                    found.Add(new FoundQuestion(ReadQuestion(text, blockStart, category, comments.ToString()), blockStart, []));
                }
                catch (QuestionFormatException exception)
                {
                    refused.Add(new RefusedQuestion(NameOf(text) ?? Shorten(text), exception.Line, exception.Reason));
                }
                catch (Exception exception) when (exception is ArgumentException or FormatException or OverflowException or IndexOutOfRangeException)
                {
                    // Broken questions the checks do not name (found by the hostile-input corpus) are still refused with their line.
                    refused.Add(new RefusedQuestion(NameOf(text) ?? Shorten(text), blockStart, "This question cannot be read: check its braces and answers."));
                }
            }

            block.Clear();
            comments.Clear();
        }

        var braceDepth = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var trimmed = line.Trim();
            if (trimmed.StartsWith("//", StringComparison.Ordinal))
            {
                comments.Append(trimmed).Append('\n');
                continue;
            }

            if (braceDepth == 0 && trimmed.StartsWith("$CATEGORY:", StringComparison.Ordinal))
            {
                Flush();
                category = CategoryPath(trimmed["$CATEGORY:".Length..]);
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

            // Moodle trims every line: indentation is never part of a question.
            block.Append(trimmed).Append('\n');
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
        return new QuestionFile(found, refused).Checked();
    }

    /// <summary>A category as the platform names banks: without Moodle's "$course$/" or "top/" context.</summary>
    internal static string CategoryPath(string category)
    {
        var path = category.Trim();
        foreach (var context in new[] { "$course$/", "$system$/", "$module$/", "$coursecategory$/", "top/" })
        {
            if (path.StartsWith(context, StringComparison.Ordinal))
            {
                path = path[context.Length..];
            }
        }

        return path.Replace("$course$/", "").Trim('/');
    }

    private static Question ReadQuestion(string text, int line, string? category, string comments)
    {
        var name = (string?)null;
        var title = Title().Match(text);
        if (title.Success)
        {
            name = Unescape(title.Groups[1].Value.Trim());
            text = text[(title.Index + title.Length)..];
        }

        var (format, body) = ReadFormat(text.TrimStart());
        var question = new Question
        {
            Name = name ?? "",
            Text = "",
            Type = QuestionType.Description,
            Format = format,
            Category = category,
            IdNumber = Comment(comments, "id").FirstOrDefault(),
            Tags = Comment(comments, "tag").Distinct().ToList(),
            Mark = Comment(comments, "mark").FirstOrDefault() is { } mark
                ? Number(mark) is > 0 and <= 1000 and var value ? value : throw new QuestionFormatException(line, $"'[mark:{mark}]' is not a mark above 0 and at most 1000.")
                : 1m,
        };

        var open = IndexOfUnescaped(body, '{');
        if (open < 0)
        {
            // No answer block: a description, shown and never graded.
            var description = Unescape(body);
            return description.Length == 0
                ? throw new QuestionFormatException(line, "The question has no text.")
                : question with { Name = name ?? DefaultName(description), Text = description };
        }

        var close = IndexOfUnescaped(body, '}', open);
        var before = body[..open];
        var after = body[(close + 1)..];
        var answers = body[(open + 1)..close].Trim();
        name ??= DefaultName(Unescape(before + " " + after));
        question = question with { Name = name };
        if (IndexOfUnescaped(after, '{') >= 0)
        {
            throw new QuestionFormatException(line, $"The question '{name}' has more than one answer block: cloze questions are not supported.");
        }

        // Text after the block makes it a missing word: the block's place is shown as a blank, as Moodle shows it.
        var questionText = Unescape(after.Trim().Length > 0 ? before + Blank + after : before);
        if (questionText.Length == 0)
        {
            throw new QuestionFormatException(line, $"The question '{name}' has no text.");
        }

        // General feedback: "####" inside the answer block.
        string? general = null;
        var generalAt = LastIndexOfUnescaped(answers, "####");
        if (generalAt >= 0)
        {
            general = NullIfEmpty(Unescape(StripFormat(answers[(generalAt + 4)..].Trim())));
            answers = answers[..generalAt].Trim();
        }

        // An empty block (once the general feedback is taken out) is an essay.
        if (answers.Length == 0)
        {
            throw new QuestionFormatException(line, $"The question '{name}' is an essay ({{}}): essays need a person to grade them, and no one grades here.");
        }

        question = question with { Text = questionText, GeneralFeedback = general };
        if (answers.StartsWith('#'))
        {
            return question with { Type = QuestionType.Numerical, Numbers = ReadNumbers(answers[1..], line, name) };
        }

        var hasTilde = IndexOfUnescaped(answers, '~') >= 0;
        if (!hasTilde && IndexOfUnescaped(answers, '=') >= 0 && ContainsArrow(answers))
        {
            var pairs = SplitAnswers(answers, line, name, weightOnRight: false).Select(p =>
            {
                var arrow = IndexOfUnescaped(p.Text, "->");
                return arrow < 0
                    ? throw new QuestionFormatException(line, $"Every answer of the matching question '{name}' must be '=item -> match'.")
                    : new MatchPair(Unescape(StripFormat(p.Text[..arrow].Trim())), Unescape(p.Text[(arrow + 2)..].Trim()));
            }).ToList();
            return pairs.Count(p => p.Item.Length > 0) < 2 || pairs.Any(p => p.Match.Length == 0)
                ? throw new QuestionFormatException(line, $"The matching question '{name}' needs at least two '=item -> match' answers, each with its match.")
                : question with { Type = QuestionType.Matching, Pairs = pairs };
        }

        if (!hasTilde && TrueFalse().Match(answers) is { Success: true } tf)
        {
            // T, TRUE, F, FALSE exactly (Moodle reads "true" as a short answer), then #wrong feedback#right feedback.
            var isTrue = tf.Groups[1].Value.StartsWith('T');
            var feedbacks = SplitUnescaped(tf.Groups[2].Value, '#').Skip(1).Select(f => NullIfEmpty(Unescape(StripFormat(f.Trim())))).ToList();
            var (wrong, right) = (feedbacks.ElementAtOrDefault(0), feedbacks.ElementAtOrDefault(1));
            return question with
            {
                Type = QuestionType.TrueFalse,
                Choices = [new Choice("True", isTrue ? 1 : 0, isTrue ? right : wrong), new Choice("False", isTrue ? 0 : 1, isTrue ? wrong : right)],
            };
        }

        if (!hasTilde)
        {
            // Short answer: every piece between '=' is an accepted answer, the first even without its '='.
            var accepted = SplitAnswers(answers.StartsWith('=') ? answers : "=" + answers, line, name, weightOnRight: true);
            return question with { Type = QuestionType.ShortAnswer, Choices = accepted.Select(p => new Choice(Unescape(StripFormat(p.Text)), p.Weight ?? 1m, p.Feedback)).ToList() };
        }

        // Multiple choice. An '=' answer is right whatever follows it (Moodle reads no weight there: "=%50%a" is
        // right, its text "%50%a"); weights go after '~'.
        var parts = SplitAnswers(answers, line, name, weightOnRight: false);
        var choices = parts.Select(p => new Choice(Unescape(StripFormat(p.Text)), p.Right ? 1m : p.Weight ?? 0m, p.Feedback)).ToList();

        // With an '=' answer, one answer is chosen (others may carry partial credit); with none, Moodle lets
        // several be ticked: the weights say what each is worth.
        var multiple = !parts.Any(p => p.Right);
        if (multiple && !choices.Any(c => c.Fraction > 0))
        {
            throw new QuestionFormatException(line, $"The question '{name}' has no right answer: mark one with '=' or weight some with '~%50%'.");
        }

        return choices.Count < 2
            ? throw new QuestionFormatException(line, $"The multiple-choice question '{name}' needs at least two answers.")
            : question with { Type = multiple ? QuestionType.MultipleResponse : QuestionType.SingleChoice, Choices = choices };
    }

    private sealed record Part(bool Right, decimal? Weight, string Text, string? Feedback);

    /// <summary>Cuts "=a#f ~%50%b ~c" into answers at each unescaped '=' or '~'.</summary>
    private static List<Part> SplitAnswers(string answers, int line, string name, bool weightOnRight = true)
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
            var weight = answers[starts[s]] == '~' || weightOnRight ? ReadWeight(ref raw, line, name) : null;
            var pieces = SplitUnescaped(raw, '#');
            if (pieces[0].Trim().Length == 0)
            {
                throw new QuestionFormatException(line, $"An answer of '{name}' is empty.");
            }

            parts.Add(new Part(answers[starts[s]] == '=', weight, pieces[0].Trim(), pieces.Count > 1 ? NullIfEmpty(Unescape(StripFormat(string.Join('#', pieces.Skip(1)).Trim()))) : null));
        }

        return parts;
    }

    private static decimal? ReadWeight(ref string raw, int line, string name)
    {
        if (!raw.StartsWith('%'))
        {
            return null;
        }

        if (Weight().Match(raw) is not { Success: true } w || decimal.Parse(w.Groups[1].Value, CultureInfo.InvariantCulture) is < -100 or > 100)
        {
            throw new QuestionFormatException(line, $"A weight of '{name}' is not a percentage from -100 to 100 between two '%'.");
        }

        raw = raw[w.Length..].TrimStart();
        return decimal.Parse(w.Groups[1].Value, CultureInfo.InvariantCulture) / 100m;
    }

    /// <summary>"=289:5#Yes. =%50%280..300#Close. ~#Any other number" after the '#'.</summary>
    private static List<NumericalAnswer> ReadNumbers(string text, int line, string name)
    {
        text = text.Trim();
        string? otherwise = null;
        var wrongAt = IndexOfUnescaped(text, '~');
        if (wrongAt >= 0)
        {
            otherwise = text[(wrongAt + 1)..].Trim();
            text = text[..wrongAt].Trim();
        }

        // Answers between '=', the first even without its '=': "#289:5#Yes." is one answer.
        var entries = text.Length == 0 ? [] : SplitAnswers(text.StartsWith('=') ? text : "=" + text, line, name).Select(p => (p.Text, Weight: p.Weight ?? 1m, p.Feedback)).ToList();
        var numbers = new List<NumericalAnswer>();
        foreach (var (value, weight, feedback) in entries)
        {
            var range = value.Split("..");
            var tolerance = value.Split(':');
            if (range.Length == 2 && Number(range[0]) is { } min && Number(range[1]) is { } max && min <= max)
            {
                numbers.Add(new NumericalAnswer(min, max, weight, feedback, AsRange: true));
            }
            else if (tolerance.Length <= 2 && Number(tolerance[0]) is { } number && (tolerance.Length == 1 || Number(tolerance[1]) is >= 0))
            {
                numbers.Add(NumericalAnswer.WithTolerance(number, tolerance.Length == 2 ? Number(tolerance[1])!.Value : 0m, weight, feedback));
            }
            else
            {
                throw new QuestionFormatException(line, $"'{value}' in '{name}' is not a number, 'value:tolerance' or 'min..max'.");
            }
        }

        if (otherwise is not null)
        {
            // "~#feedback": the feedback (and, rarely, a weight) for any number the answers above do not hold.
            var weight = ReadWeight(ref otherwise, line, name) ?? 0m;
            var pieces = SplitUnescaped(otherwise, '#');
            if (pieces[0].Trim() is not ("" or "*"))
            {
                throw new QuestionFormatException(line, $"In the numerical question '{name}', '~' gives the feedback for any other number: write it '~#feedback'.");
            }

            numbers.Add(NumericalAnswer.CatchAll(weight, pieces.Count > 1 ? NullIfEmpty(Unescape(StripFormat(string.Join('#', pieces.Skip(1)).Trim()))) : null));
        }

        return numbers.Any(n => !n.AnyValue) ? numbers : throw new QuestionFormatException(line, $"The numerical question '{name}' has no answer.");
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

    private static int IndexOfUnescaped(string text, char character, int from = 0) => IndexOfUnescaped(text, character.ToString(), from);

    private static int IndexOfUnescaped(string text, string value, int from = 0)
    {
        // Jumps from one backslash or first character to the next (a vectorised search): banks run to megabytes.
        for (var i = from; i < text.Length; i++)
        {
            var next = text.AsSpan(i).IndexOfAny('\\', value[0]);
            if (next < 0)
            {
                return -1;
            }

            i += next;
            if (text[i] == '\\')
            {
                i++;
            }
            else if (string.CompareOrdinal(text, i, value, 0, value.Length) == 0)
            {
                return i;
            }
        }

        return -1;
    }

    private static int LastIndexOfUnescaped(string text, string value)
    {
        var last = -1;
        for (var at = IndexOfUnescaped(text, value); at >= 0; at = IndexOfUnescaped(text, value, at + 1))
        {
            last = at;
        }

        return last;
    }

    private static bool ContainsArrow(string text) => IndexOfUnescaped(text, "->") >= 0;

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

    /// <summary>Escapes undone, "\n" made a line break; a '\' before any other character stays.</summary>
    private static string Unescape(string text)
    {
        if (!text.Contains('\\'))
        {
            return text.Trim();
        }

        var plain = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 1 < text.Length && text[i + 1] is ':' or '#' or '=' or '{' or '}' or '~' or '\\' or 'n')
            {
                plain.Append(text[++i] == 'n' ? '\n' : text[i]);
            }
            else
            {
                plain.Append(text[i]);
            }
        }

        return plain.ToString().Trim();
    }

    private static (TextFormat Format, string Text) ReadFormat(string text) => text.StartsWith('[') && FormatPrefix().Match(text) is { Success: true } m
        ? (m.Groups[1].Value switch { "html" => TextFormat.Html, "markdown" => TextFormat.Markdown, "plain" => TextFormat.Plain, _ => TextFormat.Moodle }, text[m.Length..])
        : (TextFormat.Moodle, text);

    /// <summary>An answer or feedback may repeat a format; the question's format is the one used for all its texts.</summary>
    private static string StripFormat(string text) => ReadFormat(text.TrimStart()).Text;

    private static string? NullIfEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    /// <summary>The values of <c>[key:…]</c> in the comment lines, as Moodle reads them: on one line, <c>\]</c> standing
    /// for <c>]</c>, trimmed; a tag holding <c>&lt;</c> or <c>&gt;</c> is not one (Moodle's tags cannot hold them).</summary>
    private static IEnumerable<string> Comment(string comments, string key) =>
        CommentField().Matches(comments).Where(m => m.Groups[1].Value == key).Select(m => m.Groups[2].Value.Replace("\\]", "]").Trim())
            .Where(v => v.Length > 0 && (key != "tag" || v.IndexOfAny(['<', '>']) < 0));

    /// <summary>Moodle names a question without a name after its text.</summary>
    private static string DefaultName(string text)
    {
        var plain = string.Join(' ', Tags().Replace(text, "").Split((char[])[' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries));
        return plain.Length <= 80 ? plain : plain[..80].TrimEnd() + "…";
    }

    private static string? NameOf(string block) => Title().Match(block) is { Success: true } m ? Unescape(m.Groups[1].Value.Trim()) : null;

    private static string Shorten(string block) => DefaultName(block.Trim());

    [GeneratedRegex(@"^\s*::((?:[^:\\]|\\.|:(?!:))*)::", RegexOptions.Singleline)]
    private static partial Regex Title();

    [GeneratedRegex(@"^(TRUE|FALSE|T|F)\s*((?:#.*)?)$", RegexOptions.Singleline)]
    private static partial Regex TrueFalse();

    // ASCII digits only (\d also matches other scripts' digits, which decimal.Parse refuses), few enough not to overflow.
    [GeneratedRegex(@"^%\s*(-?[0-9]{1,9}(?:\.[0-9]{1,9})?)\s*%")]
    private static partial Regex Weight();

    [GeneratedRegex(@"^\[(html|moodle|plain|markdown)\]")]
    private static partial Regex FormatPrefix();

    [GeneratedRegex(@"\[(id|tag|mark):((?:\\\]|[^\]\p{Cc}])*)\]")]
    private static partial Regex CommentField();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();
}
