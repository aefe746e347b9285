namespace Learning.Modules.Assessment.Formats;

/// <summary>A question file that cannot be read, with the line a person should look at.</summary>
public sealed class QuestionFormatException(int line, string message) : Exception($"Line {line}: {message}")
{
    public int Line { get; } = line;
}
