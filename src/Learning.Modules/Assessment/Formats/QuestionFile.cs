using Learning.Modules.Assessment.Questions;

namespace Learning.Modules.Assessment.Formats;

/// <summary>What a GIFT or Moodle XML file holds: the questions that can be imported, each with the line it
/// starts on and the files it embeds, and those refused, each with its line and why. A file that cannot be
/// read at all (an unclosed brace, broken XML) is refused whole with a <see cref="QuestionFormatException"/>.</summary>
public sealed record QuestionFile(IReadOnlyList<FoundQuestion> Found, IReadOnlyList<RefusedQuestion> Refused)
{
    public IReadOnlyList<Question> Questions => Found.Select(f => f.Question).ToList();

    /// <summary>Questions made elsewhere (by a program rather than read from a file), numbered as lines.</summary>
    public static QuestionFile Of(IEnumerable<Question> questions) => new(questions.Select((q, i) => new FoundQuestion(q, i + 1, [])).ToList(), []);
}

public sealed record FoundQuestion(Question Question, int Line, IReadOnlyList<EmbeddedFile> Files);

/// <summary>A file a Moodle XML question carries (an image it shows), linked from its texts as @@PLUGINFILE@@/name.</summary>
public sealed record EmbeddedFile(string Name, byte[] Content);

public sealed record RefusedQuestion(string Name, int Line, string Reason);
