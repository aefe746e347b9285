namespace Learning.Modules.Assessment.Questions;

public enum QuestionType
{
    SingleChoice,
    MultipleResponse,
    TrueFalse,
    Matching,
    Ordering,
    ShortAnswer,
    Numerical,
}

/// <summary>
/// A question of a bank, as GIFT and Moodle XML describe it. Fractions are the share of the question's
/// mark an answer earns (1 = all of it, negative = a penalty), kept as decimals so that no score is ever
/// rounded in binary floating point.
/// </summary>
public sealed record Question
{
    public required string Name { get; init; }

    public required string Text { get; init; }

    public required QuestionType Type { get; init; }

    /// <summary>The bank's category path, such as "mooc/part-1/validation".</summary>
    public string? Category { get; init; }

    public string? GeneralFeedback { get; init; }

    /// <summary>Single choice, multiple response, true/false (True then False) and short answer (accepted answers).</summary>
    public IReadOnlyList<Choice> Choices { get; init; } = [];

    /// <summary>Matching: each item with its right match.</summary>
    public IReadOnlyList<MatchPair> Pairs { get; init; } = [];

    /// <summary>Ordering: the items in the right order.</summary>
    public IReadOnlyList<string> Order { get; init; } = [];

    public IReadOnlyList<NumericalAnswer> Numbers { get; init; } = [];

    /// <summary>Value equality that compares the lists' contents (records compare lists by reference).</summary>
    public bool SameAs(Question other) =>
        Name == other.Name && Text == other.Text && Type == other.Type && Category == other.Category && (GeneralFeedback ?? "") == (other.GeneralFeedback ?? "")
        && Choices.SequenceEqual(other.Choices) && Pairs.SequenceEqual(other.Pairs) && Order.SequenceEqual(other.Order) && Numbers.SequenceEqual(other.Numbers);
}

public sealed record Choice(string Text, decimal Fraction, string? Feedback = null);

public sealed record MatchPair(string Item, string Match);

/// <summary>A numerical answer: any value from <see cref="Min"/> to <see cref="Max"/> earns <see cref="Fraction"/>.
/// <see cref="AsRange"/> records how it was written ("1..5" rather than "3:2").</summary>
public sealed record NumericalAnswer(decimal Min, decimal Max, decimal Fraction, string? Feedback = null, bool AsRange = false)
{
    public static NumericalAnswer WithTolerance(decimal value, decimal tolerance, decimal fraction, string? feedback = null) =>
        new(value - tolerance, value + tolerance, fraction, feedback);

    public decimal Value => (Min + Max) / 2;

    public decimal Tolerance => (Max - Min) / 2;
}
