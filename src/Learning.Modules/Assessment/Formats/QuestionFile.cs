using Learning.Modules.Assessment.Questions;

namespace Learning.Modules.Assessment.Formats;

/// <summary>What a GIFT or Moodle XML file holds: the questions that can be imported, each with the line it
/// starts on and the files it embeds, and those refused, each with its line and why. A file that cannot be
/// read at all (an unclosed brace, broken XML) is refused whole with a <see cref="QuestionFormatException"/>.</summary>
public sealed record QuestionFile(IReadOnlyList<FoundQuestion> Found, IReadOnlyList<RefusedQuestion> Refused)
{
    public IReadOnlyList<Question> Questions => Found.Select(f => f.Question).ToList();

    /// <summary>More than a bank needs (Moodle courses rarely hold a thousand): a bigger file is to be split.</summary>
    public const int MaxQuestions = 1000;

    /// <summary>Refuses a file of more questions than <see cref="MaxQuestions"/>, or holding characters no text
    /// file holds (NUL, half of a surrogate pair), which the databases would refuse on saving.</summary>
    internal static void CheckText(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            // A high surrogate takes the low one after it along; any other surrogate stands alone, broken.
            var broken = text[i] == '\0' || char.IsLowSurrogate(text[i])
                || (char.IsHighSurrogate(text[i]) && (i + 1 == text.Length || !char.IsLowSurrogate(text[++i])));
            if (broken)
            {
                throw new QuestionFormatException(text.AsSpan(0, i).Count('\n') + 1, "The file holds a character no text file holds (NUL or a broken character): is it a text file saved as UTF-8?");
            }
        }
    }

    internal QuestionFile Checked() => Found.Count + Refused.Count > MaxQuestions ? throw TooMany() : this;

    internal static QuestionFormatException TooMany() => new(1, $"The file holds more than {MaxQuestions} questions: split it into several files.");

    /// <summary>Questions made elsewhere (by a program rather than read from a file), numbered as lines.</summary>
    public static QuestionFile Of(IEnumerable<Question> questions) => new(questions.Select((q, i) => new FoundQuestion(q, i + 1, [])).ToList(), []);
}

public sealed record FoundQuestion(Question Question, int Line, IReadOnlyList<EmbeddedFile> Files);

/// <summary>A file a Moodle XML question carries (an image it shows), linked from its texts as @@PLUGINFILE@@/name.</summary>
public sealed record EmbeddedFile(string Name, byte[] Content);

public sealed record RefusedQuestion(string Name, int Line, string Reason);
