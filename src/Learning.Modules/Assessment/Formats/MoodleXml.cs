using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Learning.Modules.Assessment.Questions;

namespace Learning.Modules.Assessment.Formats;

/// <summary>
/// Moodle XML question banks: <c>&lt;quiz&gt;</c> with multichoice (single or multiple), truefalse,
/// shortanswer, matching, numerical, ordering and category entries. Reading refuses a malformed file with
/// the line of the problem; writing gives a file that reads back to the same questions.
/// </summary>
public static class MoodleXml
{
    /// <summary>Whether the refused text had a document type declaration (before its root element).</summary>
    internal static bool HasDoctype(string xml) => xml.Contains("<!DOCTYPE", StringComparison.Ordinal);

    /// <summary>The line of the document type declaration: the reader's refusal of it carries none.</summary>
    internal static int DoctypeLine(string xml) => xml.AsSpan(0, xml.IndexOf("<!DOCTYPE", StringComparison.Ordinal)).Count('\n') + 1;

    /// <summary>A bank is a few levels deep; a file of thousands of unclosed elements would make the parser's
    /// error message (which names every one) take minutes.</summary>
    private static void CheckDepth(string xml)
    {
        using var scan = XmlReader.Create(new StringReader(xml), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        while (scan.Read())
        {
            if (scan.Depth > 32)
            {
                throw new QuestionFormatException(((IXmlLineInfo)scan).LineNumber, "The elements are nested more than 32 levels deep.");
            }
        }
    }

    public static IReadOnlyList<Question> Read(string xml)
    {
        XDocument document;
        // No DTD: its entities could expand a few lines into gigabytes ("billion laughs"), or read files.
        using var reader = XmlReader.Create(new StringReader(xml), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        try
        {
            CheckDepth(xml);
            document = XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException exception)
        {
            throw HasDoctype(xml)
                ? new QuestionFormatException(DoctypeLine(xml), "The file declares a DTD (<!DOCTYPE>), which is not accepted: remove it.")
                : new QuestionFormatException(exception.LineNumber, "The file is not valid XML: " + exception.Message);
        }

        if (document.Root?.Name != "quiz")
        {
            throw new QuestionFormatException(1, "A Moodle XML question bank starts with <quiz>.");
        }

        var questions = new List<Question>();
        string? category = null;
        foreach (var element in document.Root.Elements("question"))
        {
            var line = ((IXmlLineInfo)element).LineNumber;
            var type = (string?)element.Attribute("type");
            if (type == "category")
            {
                category = Text(element.Element("category"))?.Replace("$course$/", "").Replace("$system$/", "");
                continue;
            }

            var name = Text(element.Element("name")) ?? $"q{questions.Count + 1}";
            var text = Text(element.Element("questiontext")) ?? throw new QuestionFormatException(line, $"The question '{name}' has no <questiontext>.");
            var question = new Question
            {
                Name = name,
                Text = text,
                Type = QuestionType.SingleChoice,
                Category = category,
                GeneralFeedback = Text(element.Element("generalfeedback")) is { Length: > 0 } general ? general : null,
            };
            var answers = element.Elements("answer").Select(a => new Choice(
                Text(a) ?? "",
                Fraction(a, line, name),
                Text(a.Element("feedback")) is { Length: > 0 } feedback ? feedback : null)).ToList();
            questions.Add(type switch
            {
                "multichoice" => question with
                {
                    Type = ((string?)element.Element("single"))?.Trim() is "false" or "0" ? QuestionType.MultipleResponse : QuestionType.SingleChoice,
                    Choices = Require(answers, 2, line, name),
                },
                "truefalse" => question with
                {
                    Type = QuestionType.TrueFalse,
                    Choices =
                    [
                        answers.FirstOrDefault(a => a.Text.Equals("true", StringComparison.OrdinalIgnoreCase)) is { } t ? t with { Text = "True" } : throw new QuestionFormatException(line, $"The true/false question '{name}' has no 'true' answer."),
                        answers.FirstOrDefault(a => a.Text.Equals("false", StringComparison.OrdinalIgnoreCase)) is { } f ? f with { Text = "False" } : throw new QuestionFormatException(line, $"The true/false question '{name}' has no 'false' answer."),
                    ],
                },
                "shortanswer" => question with { Type = QuestionType.ShortAnswer, Choices = Require(answers, 1, line, name) },
                "matching" => question with
                {
                    Type = QuestionType.Matching,
                    Pairs = element.Elements("subquestion").Select(s => new MatchPair(Text(s) ?? "", Text(s.Element("answer")) ?? "")).Where(p => p.Item.Length > 0) is var pairs && pairs.Count() >= 2
                        ? pairs.ToList()
                        : throw new QuestionFormatException(line, $"The matching question '{name}' needs at least two <subquestion>s."),
                },
                "ordering" => question with { Type = QuestionType.Ordering, Order = Require(answers, 2, line, name).Select(a => a.Text).ToList() },
                "numerical" => question with
                {
                    Type = QuestionType.Numerical,
                    Numbers = element.Elements("answer").Select(a =>
                    {
                        var value = Decimal(Text(a), line, name);
                        var tolerance = Decimal((string?)a.Element("tolerance") ?? "0", line, name);
                        return NumericalAnswer.WithTolerance(value, tolerance, Fraction(a, line, name), Text(a.Element("feedback")) is { Length: > 0 } f ? f : null);
                    }).ToList() is { Count: > 0 } numbers ? numbers : throw new QuestionFormatException(line, $"The numerical question '{name}' has no <answer>."),
                },
                _ => throw new QuestionFormatException(line, $"The question type '{type}' of '{name}' is not supported (multichoice, truefalse, shortanswer, matching, numerical, ordering)."),
            });
        }

        return questions;
    }

    public static string Write(IEnumerable<Question> questions)
    {
        var quiz = new XElement("quiz");
        string? category = null;
        foreach (var question in questions)
        {
            if (question.Category is { } next && next != category)
            {
                quiz.Add(new XElement("question", new XAttribute("type", "category"), new XElement("category", TextElement("$course$/" + next))));
                category = next;
            }

            var type = question.Type switch
            {
                QuestionType.SingleChoice or QuestionType.MultipleResponse => "multichoice",
                QuestionType.TrueFalse => "truefalse",
                QuestionType.ShortAnswer => "shortanswer",
                QuestionType.Matching => "matching",
                QuestionType.Ordering => "ordering",
                _ => "numerical",
            };
            var element = new XElement("question", new XAttribute("type", type),
                new XElement("name", TextElement(question.Name)),
                new XElement("questiontext", new XAttribute("format", "plain_text"), TextElement(question.Text)),
                new XElement("generalfeedback", TextElement(question.GeneralFeedback ?? "")));
            switch (question.Type)
            {
                case QuestionType.SingleChoice or QuestionType.MultipleResponse:
                    element.Add(new XElement("single", question.Type == QuestionType.SingleChoice ? "true" : "false"), new XElement("shuffleanswers", "1"));
                    element.Add(question.Choices.Select(Answer));
                    break;
                case QuestionType.TrueFalse:
                    element.Add(question.Choices.Select(c => Answer(c with { Text = c.Text.ToLowerInvariant() })));
                    break;
                case QuestionType.ShortAnswer:
                    element.Add(new XElement("usecase", "0"), question.Choices.Select(Answer));
                    break;
                case QuestionType.Matching:
                    element.Add(question.Pairs.Select(p => new XElement("subquestion", TextElement(p.Item), new XElement("answer", TextElement(p.Match)))));
                    break;
                case QuestionType.Ordering:
                    element.Add(question.Order.Select(item => Answer(new Choice(item, 0))));
                    break;
                case QuestionType.Numerical:
                    element.Add(question.Numbers.Select(n => new XElement("answer",
                        new XAttribute("fraction", Percent(n.Fraction)),
                        TextElement(Format(n.Value)),
                        new XElement("tolerance", Format(n.Tolerance)),
                        new XElement("feedback", TextElement(n.Feedback ?? "")))));
                    break;
            }

            quiz.Add(element);
        }

        return new XDocument(new XDeclaration("1.0", "UTF-8", null), quiz).Declaration + "\n" + quiz;
    }

    private static XElement Answer(Choice choice) => new("answer",
        new XAttribute("fraction", Percent(choice.Fraction)),
        TextElement(choice.Text),
        new XElement("feedback", TextElement(choice.Feedback ?? "")));

    private static XElement TextElement(string text) => new("text", text);

    private static string? Text(XElement? element) => element?.Element("text")?.Value.Trim();

    private static decimal Fraction(XElement answer, int line, string name) =>
        Decimal((string?)answer.Attribute("fraction") ?? "0", line, name) / 100m;

    private static decimal Decimal(string? text, int line, string name) =>
        decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new QuestionFormatException(line, $"'{text}' in '{name}' is not a number.");

    private static string Percent(decimal fraction) => Format(fraction * 100);

    private static string Format(decimal value) => value.ToString("0.#############################", CultureInfo.InvariantCulture);

    private static List<Choice> Require(List<Choice> answers, int minimum, int line, string name) =>
        answers.Count >= minimum ? answers : throw new QuestionFormatException(line, $"The question '{name}' needs at least {minimum} <answer>(s).");
}
