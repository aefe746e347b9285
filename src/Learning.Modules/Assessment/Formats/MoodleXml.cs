using System.Globalization;
using System.Net;
using System.Xml;
using System.Xml.Linq;
using Learning.Modules.Assessment.Questions;

namespace Learning.Modules.Assessment.Formats;

/// <summary>
/// Moodle XML question banks: <c>&lt;quiz&gt;</c> with category entries and multichoice (single or multiple),
/// truefalse, shortanswer, numerical (units ignored: the number alone is asked), matching (with distractors),
/// ordering (graded by absolute position) and description questions, each with its format, mark
/// (defaultgrade), penalty, ID number, tags and embedded files (images linked as @@PLUGINFILE@@/name).
/// Types the platform cannot grade (cloze, essay, calculated, drag and drop…) are refused by name and line,
/// the rest of the file read; a file that is not XML, declares a DTD or is not a bank is refused whole.
/// </summary>
public static class MoodleXml
{
    /// <summary>Moodle's placeholder for a question's own files in its texts.</summary>
    public const string PluginFile = "@@PLUGINFILE@@/";

    private static readonly Dictionary<string, string> Unsupported = new()
    {
        ["multianswer"] = "cloze (embedded answers) questions are not supported: split it into one question per gap",
        ["essay"] = "essays need a person to grade them, and no one grades here",
        ["calculated"] = "calculated questions are not supported",
        ["calculatedsimple"] = "calculated questions are not supported",
        ["calculatedmulti"] = "calculated questions are not supported",
        ["ddwtos"] = "drag-and-drop questions are not supported",
        ["ddimageortext"] = "drag-and-drop questions are not supported",
        ["ddmarker"] = "drag-and-drop questions are not supported",
        ["gapselect"] = "select-missing-words questions are not supported",
        ["randomsamatch"] = "random short-answer matching is not supported",
        ["random"] = "random questions are drawn by the test itself: import the questions instead",
    };

    /// <summary>Whether the refused text had a document type declaration (before its root element).</summary>
    internal static bool HasDoctype(string xml) => xml.Contains("<!DOCTYPE", StringComparison.Ordinal);

    /// <summary>The line of the document type declaration: the reader's refusal of it carries none.</summary>
    internal static int DoctypeLine(string xml) => xml.AsSpan(0, xml.IndexOf("<!DOCTYPE", StringComparison.Ordinal)).Count('\n') + 1;

    /// <summary>A bank is a few levels deep and holds at most <see cref="QuestionFile.MaxQuestions"/> questions: a
    /// file of thousands of unclosed elements would make the parser's error message (which names every one) take
    /// minutes, and one of tens of thousands of questions is refused before it is loaded whole.</summary>
    private static void CheckSize(string xml)
    {
        using var scan = XmlReader.Create(new StringReader(xml), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        var questions = 0;
        while (scan.Read())
        {
            if (scan.Depth > 32)
            {
                throw new QuestionFormatException(((IXmlLineInfo)scan).LineNumber, "The elements are nested more than 32 levels deep.");
            }

            if (scan is { NodeType: XmlNodeType.Element, Depth: 1, LocalName: "question" } && scan.GetAttribute("type") != "category" && ++questions > QuestionFile.MaxQuestions)
            {
                throw QuestionFile.TooMany();
            }
        }
    }

    public static QuestionFile Read(string xml)
    {
        XDocument document;
        // No DTD: its entities could expand a few lines into gigabytes ("billion laughs"), or read files.
        using var reader = XmlReader.Create(new StringReader(xml), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        try
        {
            CheckSize(xml);
            document = XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException exception)
        {
            throw HasDoctype(xml)
                ? new QuestionFormatException(DoctypeLine(xml), "The file declares a DTD (<!DOCTYPE>), which is not accepted: remove it.")
                : new QuestionFormatException(Math.Max(1, exception.LineNumber), "The file is not valid XML: " + exception.Message);
        }

        if (document.Root?.Name != "quiz")
        {
            throw new QuestionFormatException(1, "A Moodle XML question bank starts with <quiz>.");
        }

        var found = new List<FoundQuestion>();
        var refused = new List<RefusedQuestion>();
        string? category = null;
        foreach (var element in document.Root.Elements("question"))
        {
            var line = ((IXmlLineInfo)element).LineNumber;
            var type = (string?)element.Attribute("type") ?? "";
            if (type == "category")
            {
                category = Text(element.Element("category")) is { } path ? GiftReader.CategoryPath(path) : null;
                continue;
            }

            var name = Text(element.Element("name")) is { Length: > 0 } given ? given : $"q{found.Count + refused.Count + 1}";
            try
            {
                found.Add(new FoundQuestion(ReadQuestion(element, type, name, category, line), line, Files(element, line, name)));
            }
            catch (QuestionFormatException exception)
            {
                refused.Add(new RefusedQuestion(name, exception.Line, exception.Reason));
            }
        }

        return new QuestionFile(found, refused);
    }

    private static Question ReadQuestion(XElement element, string type, string name, string? category, int line)
    {
        if (Unsupported.TryGetValue(type, out var why))
        {
            throw new QuestionFormatException(line, $"'{name}' ({type}): {why}.");
        }

        var textElement = element.Element("questiontext") ?? throw new QuestionFormatException(line, $"The question '{name}' has no <questiontext>.");
        var format = FormatOf(textElement, TextFormat.Html);
        // Every text of a question is shown in one format: when Moodle wrote them in several (HTML answers to a
        // question in Moodle's auto-format), all become HTML, each converted so that it reads as written.
        var rich = element.Descendants().Where(e => e.Name == "feedback" || e.Name == "generalfeedback" || e.Name == "questiontext"
            || (e.Name == "answer" && type is "multichoice" or "ordering") || (e.Name == "subquestion"))
            .Where(e => !string.IsNullOrWhiteSpace(Text(e))).ToList();
        // Answers and feedback without a format of their own are in the question text's.
        var target = rich.Select(e => FormatOf(e, format)).Distinct().Count() > 1 ? TextFormat.Html : format;
        string RichText(XElement? e) => e is null || Text(e) is not { } text ? "" : Convert(text, FormatOf(e, format), target);

        var question = new Question
        {
            Name = name,
            Text = RichText(textElement),
            Type = QuestionType.SingleChoice,
            Format = target,
            Category = category,
            GeneralFeedback = NullIfEmpty(RichText(element.Element("generalfeedback"))),
            Mark = type == "description" ? 0m : Decimal((string?)element.Element("defaultgrade") ?? "1", line, name) is >= 0 and <= 1000 and var mark
                ? mark : throw new QuestionFormatException(line, $"The mark (defaultgrade) of '{name}' must be from 0 to 1000."),
            Penalty = (string?)element.Element("penalty") is { } penalty ? Decimal(penalty, line, name) : null,
            IdNumber = NullIfEmpty(((string?)element.Element("idnumber"))?.Trim()),
            Tags = element.Element("tags")?.Elements("tag").Select(t => Text(t) ?? "").Where(t => t.Length > 0).Distinct().ToList() ?? [],
        };
        if (question.Text.Length == 0)
        {
            throw new QuestionFormatException(line, $"The question '{name}' has no text.");
        }

        var answers = element.Elements("answer").ToList();
        Choice RichChoice(XElement a) => new(RichText(a), Fraction(a, line, name), NullIfEmpty(RichText(a.Element("feedback"))));
        Choice PlainChoice(XElement a) => new(Text(a) ?? "", Fraction(a, line, name), NullIfEmpty(RichText(a.Element("feedback"))));
        return type switch
        {
            "description" => question with { Type = QuestionType.Description },
            "multichoice" => question with
            {
                Type = element.Element("single") is { } single && single.Value.Trim() is "false" or "0" or "" ? QuestionType.MultipleResponse : QuestionType.SingleChoice,
                Choices = Require(answers.Select(RichChoice).ToList(), 2, line, name) is var choices && choices.Any(c => c.Fraction > 0)
                    ? choices : throw new QuestionFormatException(line, $"The question '{name}' has no right answer (no answer with a positive fraction)."),
            },
            "truefalse" => TrueFalse(question, answers.Select(PlainChoice).ToList(), line, name),
            "shortanswer" => question with
            {
                Type = QuestionType.ShortAnswer,
                CaseSensitive = ((string?)element.Element("usecase"))?.Trim() is "1" or "true",
                Choices = Require(answers.Select(PlainChoice).Where(c => c.Text.Length > 0).ToList(), 1, line, name),
            },
            "matching" => question with
            {
                Type = QuestionType.Matching,
                Pairs = element.Elements("subquestion").Select(s => new MatchPair(RichText(s), Text(s.Element("answer")) ?? "")).Where(p => p.Match.Length > 0).ToList() is var pairs && pairs.Count(p => p.Item.Length > 0) >= 2
                    ? pairs
                    : throw new QuestionFormatException(line, $"The matching question '{name}' needs at least two <subquestion>s with a text and an answer."),
            },
            "ordering" => Ordering(element, question, answers.Select(a => RichText(a)).ToList(), line, name),
            // Units are not asked for: the number alone is typed, in the unit of the answers. A question that grades
            // the unit would be scored otherwise than in Moodle, so it is refused.
            "numerical" when ((string?)element.Element("unitgradingtype"))?.Trim() is { } units && units is not ("" or "0") =>
                throw new QuestionFormatException(line, $"The numerical question '{name}' grades its unit (unitgradingtype {units}): only numbers without graded units are supported."),
            "numerical" => question with
            {
                Type = QuestionType.Numerical,
                Numbers = answers.Select(a => Text(a) == "*"
                    ? NumericalAnswer.CatchAll(Fraction(a, line, name), NullIfEmpty(RichText(a.Element("feedback"))))
                    : NumericalAnswer.WithTolerance(Decimal(Text(a), line, name), Math.Abs(Decimal((string?)a.Element("tolerance") ?? "0", line, name)), Fraction(a, line, name), NullIfEmpty(RichText(a.Element("feedback"))))).ToList() is { } numbers && numbers.Any(n => !n.AnyValue)
                    ? numbers : throw new QuestionFormatException(line, $"The numerical question '{name}' has no <answer> with a number."),
            },
            _ => throw new QuestionFormatException(line, $"'{name}': the question type '{type}' is not supported (multichoice, truefalse, shortanswer, numerical, matching, ordering, description)."),
        };
    }

    /// <summary>Two answers, "true" and "false"; old exports in another language are taken in that order, as Moodle does.</summary>
    private static Question TrueFalse(Question question, List<Choice> answers, int line, string name)
    {
        var (t, f) = (answers.FirstOrDefault(a => a.Text.Equals("true", StringComparison.OrdinalIgnoreCase)), answers.FirstOrDefault(a => a.Text.Equals("false", StringComparison.OrdinalIgnoreCase)));
        if ((t is null || f is null) && answers.Count == 2)
        {
            (t, f) = (answers[0], answers[1]);
        }

        return t is null || f is null
            ? throw new QuestionFormatException(line, $"The true/false question '{name}' needs a 'true' and a 'false' answer.")
            : question with { Type = QuestionType.TrueFalse, Choices = [t with { Text = "True" }, f with { Text = "False" }] };
    }

    private static readonly Dictionary<string, OrderingGrading> OrderingGradings = new()
    {
        ["ABSOLUTE_POSITION"] = OrderingGrading.AbsolutePosition,
        ["ALL_OR_NOTHING"] = OrderingGrading.AllOrNothing,
        ["RELATIVE_NEXT_EXCLUDE_LAST"] = OrderingGrading.RelativeNextExcludeLast,
        ["RELATIVE_NEXT_INCLUDE_LAST"] = OrderingGrading.RelativeNextIncludeLast,
    };

    /// <summary>The ordering plugin's items come in the right order (their fraction is ignored, as the plugin
    /// ignores it); its grading type is kept (the plugin's default when absent), and refused when the
    /// platform does not grade it, as is a test that shows only a selection of the items.</summary>
    private static Question Ordering(XElement element, Question question, List<string> items, int line, string name)
    {
        var grading = ((string?)element.Element("gradingtype"))?.Trim() is { Length: > 0 } given ? given : "RELATIVE_NEXT_EXCLUDE_LAST";
        if (!OrderingGradings.TryGetValue(grading, out var how))
        {
            throw new QuestionFormatException(line, $"The ordering question '{name}' is graded by '{grading}': supported are {string.Join(", ", OrderingGradings.Keys)}.");
        }

        var select = ((string?)element.Element("selecttype"))?.Trim() is { Length: > 0 } type ? type : "RANDOM";
        var count = int.TryParse((string?)element.Element("selectcount"), out var selected) ? Math.Max(2, selected) : 6;
        if (select != "ALL" && count < items.Count)
        {
            throw new QuestionFormatException(line, $"The ordering question '{name}' shows {count} of its {items.Count} items ({select}): only questions that show all their items are supported.");
        }

        return items.Count < 2
            ? throw new QuestionFormatException(line, $"The question '{name}' needs at least 2 <answer>(s).")
            : question with { Type = QuestionType.Ordering, Order = items, Grading = how };
    }

    /// <summary>The files a question embeds, by name; a file that is not base64 refuses the question.</summary>
    private static IReadOnlyList<EmbeddedFile> Files(XElement question, int line, string name)
    {
        var files = new List<EmbeddedFile>();
        foreach (var file in question.Descendants("file"))
        {
            var fileName = ((string?)file.Attribute("name"))?.Trim();
            if (string.IsNullOrEmpty(fileName) || (string?)file.Attribute("encoding") is not (null or "base64"))
            {
                throw new QuestionFormatException(((IXmlLineInfo)file).LineNumber, $"A file of '{name}' has no name or is not base64.");
            }

            try
            {
                files.Add(new EmbeddedFile(fileName, System.Convert.FromBase64String(file.Value.Trim())));
            }
            catch (FormatException)
            {
                throw new QuestionFormatException(((IXmlLineInfo)file).LineNumber, $"The file '{fileName}' of '{name}' is not valid base64.");
            }
        }

        return files.DistinctBy(f => f.Name).ToList();
    }

    public static string Write(IEnumerable<Question> questions) => Write(questions.Select(q => new FoundQuestion(q, 0, [])));

    /// <summary>Writes the questions with the files they show: each text that links @@PLUGINFILE@@/name carries
    /// the file, as Moodle writes it, so that Moodle imports the images with the questions.</summary>
    public static string Write(IEnumerable<FoundQuestion> questions)
    {
        var quiz = new XElement("quiz");
        string? category = null;
        foreach (var (question, _, files) in questions)
        {
            if (question.Category is { } next && next != category)
            {
                quiz.Add(new XElement("question", new XAttribute("type", "category"), new XElement("category", TextElement("$course$/top/" + next))));
                category = next;
            }

            var type = question.Type switch
            {
                QuestionType.SingleChoice or QuestionType.MultipleResponse => "multichoice",
                QuestionType.TrueFalse => "truefalse",
                QuestionType.ShortAnswer => "shortanswer",
                QuestionType.Matching => "matching",
                QuestionType.Ordering => "ordering",
                QuestionType.Description => "description",
                _ => "numerical",
            };
            var format = FormatName(question.Format);
            var element = new XElement("question", new XAttribute("type", type),
                new XElement("name", TextElement(question.Name)),
                new XElement("questiontext", new XAttribute("format", format), TextElement(question.Text)),
                new XElement("generalfeedback", new XAttribute("format", format), TextElement(question.GeneralFeedback ?? "")),
                new XElement("defaultgrade", Format(question.Mark)),
                question.Penalty is { } penalty ? new XElement("penalty", Format(penalty)) : null,
                new XElement("hidden", "0"),
                new XElement("idnumber", question.IdNumber ?? ""));
            switch (question.Type)
            {
                case QuestionType.SingleChoice or QuestionType.MultipleResponse:
                    element.Add(new XElement("single", question.Type == QuestionType.SingleChoice ? "true" : "false"), new XElement("shuffleanswers", "true"), new XElement("answernumbering", "abc"));
                    element.Add(question.Choices.Select(c => Answer(c, format)));
                    break;
                case QuestionType.TrueFalse:
                    element.Add(question.Choices.Select(c => Answer(c with { Text = c.Text.ToLowerInvariant() }, "moodle_auto_format", format)));
                    break;
                case QuestionType.ShortAnswer:
                    element.Add(new XElement("usecase", question.CaseSensitive ? "1" : "0"), question.Choices.Select(c => Answer(c, "moodle_auto_format", format)));
                    break;
                case QuestionType.Matching:
                    element.Add(new XElement("shuffleanswers", "true"));
                    element.Add(question.Pairs.Select(p => new XElement("subquestion", new XAttribute("format", format), TextElement(p.Item), new XElement("answer", TextElement(p.Match)))));
                    break;
                case QuestionType.Ordering:
                    element.Add(new XElement("layouttype", "VERTICAL"), new XElement("selecttype", "ALL"), new XElement("selectcount", "0"),
                        new XElement("gradingtype", OrderingGradings.Single(g => g.Value == question.Grading).Key), new XElement("showgrading", "SHOW"));
                    element.Add(question.Order.Select((item, place) => new XElement("answer", new XAttribute("fraction", place + 1), new XAttribute("format", format), TextElement(item))));
                    break;
                case QuestionType.Numerical:
                    element.Add(question.Numbers.Select(n => new XElement("answer",
                        new XAttribute("fraction", Percent(n.Fraction)),
                        TextElement(n.AnyValue ? "*" : Format(n.Value)),
                        new XElement("feedback", new XAttribute("format", format), TextElement(n.Feedback ?? "")),
                        new XElement("tolerance", Format(n.AnyValue ? 0 : n.Tolerance)))));
                    element.Add(new XElement("unitgradingtype", "0"), new XElement("showunits", "3"), new XElement("unitsleft", "0"));
                    break;
            }

            if (question.Tags.Count > 0)
            {
                element.Add(new XElement("tags", question.Tags.Select(t => new XElement("tag", TextElement(t)))));
            }

            foreach (var text in element.Descendants("text").Where(t => t.Value.Contains(PluginFile, StringComparison.Ordinal)).ToList())
            {
                text.Parent!.Add(files.Where(f => text.Value.Contains(PluginFile + f.Name, StringComparison.Ordinal) || text.Value.Contains(PluginFile + Uri.EscapeDataString(f.Name), StringComparison.Ordinal))
                    .Select(f => new XElement("file", new XAttribute("name", f.Name), new XAttribute("path", "/"), new XAttribute("encoding", "base64"), System.Convert.ToBase64String(f.Content))));
            }

            quiz.Add(element);
        }

        return new XDocument(new XDeclaration("1.0", "UTF-8", null), quiz).Declaration + "\n" + quiz;
    }

    private static XElement Answer(Choice choice, string format) => Answer(choice, format, format);

    private static XElement Answer(Choice choice, string format, string feedbackFormat) => new("answer",
        new XAttribute("fraction", Percent(choice.Fraction)),
        new XAttribute("format", format),
        TextElement(choice.Text),
        new XElement("feedback", new XAttribute("format", feedbackFormat), TextElement(choice.Feedback ?? "")));

    private static XElement TextElement(string text) => new("text", text);

    private static string? Text(XElement? element) => element?.Element("text")?.Value.Trim();

    /// <summary>An element's format; without one, <paramref name="otherwise"/>; an unknown one is HTML, as Moodle reads it.</summary>
    private static TextFormat FormatOf(XElement element, TextFormat otherwise) => ((string?)element.Attribute("format"))?.Trim() switch
    {
        null => otherwise,
        "moodle_auto_format" => TextFormat.Moodle,
        "plain_text" => TextFormat.Plain,
        "markdown" => TextFormat.Markdown,
        _ => TextFormat.Html,
    };

    private static string FormatName(TextFormat format) => format switch
    {
        TextFormat.Html => "html",
        TextFormat.Plain => "plain_text",
        TextFormat.Markdown => "markdown",
        _ => "moodle_auto_format",
    };

    /// <summary>A text made HTML that reads as it did in its own format (only used when a question mixes formats).</summary>
    private static string Convert(string text, TextFormat from, TextFormat to) => (from, to) switch
    {
        _ when from == to => text,
        (TextFormat.Plain, _) => WebUtility.HtmlEncode(text).Replace("\n", "<br>"),
        (TextFormat.Moodle, _) => text.Replace("\n", "<br>"),
        (TextFormat.Markdown, _) => QuestionText.Markdown.ToHtml(text),
        _ => text,
    };

    private static decimal Fraction(XElement answer, int line, string name) =>
        Decimal((string?)answer.Attribute("fraction") ?? "0", line, name) is >= -100 and <= 100 and var percent
            ? percent / 100m
            : throw new QuestionFormatException(line, $"A fraction of '{name}' is not a percentage from -100 to 100.");

    private static decimal Decimal(string? text, int line, string name) =>
        decimal.TryParse(text?.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new QuestionFormatException(line, $"'{text}' in '{name}' is not a number.");

    private static string Percent(decimal fraction) => Format(fraction * 100);

    private static string Format(decimal value) => value.ToString("0.#############################", CultureInfo.InvariantCulture);

    private static string? NullIfEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    private static List<Choice> Require(List<Choice> answers, int minimum, int line, string name) =>
        answers.Count >= minimum ? answers : throw new QuestionFormatException(line, $"The question '{name}' needs at least {minimum} <answer>(s).");
}
