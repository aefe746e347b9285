namespace Learning.Modules.Assessment.Formats;

/// <summary>A question file (or one question of it) that cannot be read, with the line a person should look at.</summary>
public sealed class QuestionFormatException(int line, string reason) : Exception($"Line {line}: {reason}")
{
    public int Line { get; } = line;

    /// <summary>What is wrong, without the line.</summary>
    public string Reason { get; } = reason;
}
