using System.Text.Json.Serialization;

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

    /// <summary>Text shown without an answer (Moodle's "description"): kept in the bank, never drawn into a test.</summary>
    Description,
}

/// <summary>How a question's texts (its text, choices, matching items and feedback) are written, as Moodle
/// names the formats. Every format is rendered as written, through one sanitiser (<see cref="QuestionText"/>).</summary>
public enum TextFormat
{
    /// <summary>Moodle's default ("moodle_auto_format"): HTML allowed, line breaks kept.</summary>
    Moodle,
    Plain,
    Markdown,
    Html,
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

    /// <summary>The format of every text of the question; GIFT files without one use Moodle's default.</summary>
    public TextFormat Format { get; init; } = TextFormat.Moodle;

    /// <summary>The bank's category path, such as "mooc/part-1/validation".</summary>
    public string? Category { get; init; }

    public string? GeneralFeedback { get; init; }

    /// <summary>The question's mark in a test (Moodle's defaultgrade): a test's score is the marks earned over the marks available.</summary>
    public decimal Mark { get; init; } = 1m;

    /// <summary>Moodle's penalty per wrong try in interactive modes: kept so that an export gives it back,
    /// unused here (a validation test is answered once, then graded).</summary>
    public decimal? Penalty { get; init; }

    /// <summary>Moodle's ID number of the question, unique in its category.</summary>
    public string? IdNumber { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Short answer: whether case counts (Moodle's usecase); accents and typography never do.</summary>
    public bool CaseSensitive { get; init; }

    /// <summary>Single choice, multiple response, true/false (True then False) and short answer (accepted answers).</summary>
    public IReadOnlyList<Choice> Choices { get; init; } = [];

    /// <summary>Matching: each item with its right match; an item left empty only adds its match to the
    /// choices offered (a distractor, as Moodle writes it).</summary>
    public IReadOnlyList<MatchPair> Pairs { get; init; } = [];

    /// <summary>Ordering: the items in the right order.</summary>
    public IReadOnlyList<string> Order { get; init; } = [];

    /// <summary>Ordering: how an order is graded (Moodle's ordering plugin's grading types).</summary>
    public OrderingGrading Grading { get; init; }

    public IReadOnlyList<NumericalAnswer> Numbers { get; init; } = [];

    /// <summary>Whether the question is answered and graded (a description is only read).</summary>
    [JsonIgnore]
    public bool IsGraded => Type != QuestionType.Description;

    /// <summary>The matching items the learner matches: those that are not distractors.</summary>
    [JsonIgnore]
    public IEnumerable<(MatchPair Pair, int Index)> MatchingItems => Pairs.Select((p, i) => (p, i)).Where(x => x.p.Item.Length > 0);

    /// <summary>Every text of the question: its text, feedback, choices and items.</summary>
    [JsonIgnore]
    public IEnumerable<string> Texts =>
        new[] { Text, GeneralFeedback }.Concat(Choices.SelectMany(c => new[] { c.Text, c.Feedback })).Concat(Pairs.Select(p => p.Item)).Concat(Order)
            .Concat(Numbers.Select(n => n.Feedback)).OfType<string>();

    /// <summary>The question with every text passed through <paramref name="map"/> (to relink its images).</summary>
    public Question MapTexts(Func<string, string> map) => this with
    {
        Text = map(Text),
        GeneralFeedback = GeneralFeedback is null ? null : map(GeneralFeedback),
        Choices = Choices.Select(c => c with { Text = map(c.Text), Feedback = c.Feedback is null ? null : map(c.Feedback) }).ToList(),
        Pairs = Pairs.Select(p => p with { Item = map(p.Item) }).ToList(),
        Order = Order.Select(map).ToList(),
        Numbers = Numbers.Select(n => n with { Feedback = n.Feedback is null ? null : map(n.Feedback) }).ToList(),
    };

    /// <summary>Whether two language versions of a question can stand for each other: the same type and the same
    /// answers by place and weight (short answers may accept other words in each language). A test is drawn and
    /// graded on the default language's version; another version is shown only when it has this shape.</summary>
    public bool SameShapeAs(Question other) =>
        Type == other.Type && Mark == other.Mark && Grading == other.Grading && Pairs.Count == other.Pairs.Count && Order.Count == other.Order.Count
        && (Type == QuestionType.ShortAnswer || Choices.Select(c => c.Fraction).SequenceEqual(other.Choices.Select(c => c.Fraction)))
        && Numbers.Select(n => (n.Min, n.Max, n.Fraction, n.AnyValue)).SequenceEqual(other.Numbers.Select(n => (n.Min, n.Max, n.Fraction, n.AnyValue)));

    /// <summary>Value equality that compares the lists' contents (records compare lists by reference).</summary>
    public bool SameAs(Question other) =>
        Name == other.Name && Text == other.Text && Type == other.Type && Format == other.Format && Category == other.Category
        && (GeneralFeedback ?? "") == (other.GeneralFeedback ?? "") && Mark == other.Mark && Penalty == other.Penalty
        && (IdNumber ?? "") == (other.IdNumber ?? "") && Tags.SequenceEqual(other.Tags) && CaseSensitive == other.CaseSensitive
        && Choices.SequenceEqual(other.Choices) && Pairs.SequenceEqual(other.Pairs) && Order.SequenceEqual(other.Order) && Grading == other.Grading && Numbers.SequenceEqual(other.Numbers);
}

/// <summary>The grading types of Moodle's ordering plugin that the platform grades, named as Moodle writes them.</summary>
public enum OrderingGrading
{
    /// <summary>The share of items in their right place.</summary>
    AbsolutePosition,

    /// <summary>Everything in its place, or nothing.</summary>
    AllOrNothing,

    /// <summary>The share of items followed by their right next item (the last item has none).</summary>
    RelativeNextExcludeLast,

    /// <summary>The same, the last item counting when it is last.</summary>
    RelativeNextIncludeLast,
}

public sealed record Choice(string Text, decimal Fraction, string? Feedback = null);

public sealed record MatchPair(string Item, string Match);

/// <summary>A numerical answer: any value from <see cref="Min"/> to <see cref="Max"/> earns <see cref="Fraction"/>.
/// <see cref="AsRange"/> records how it was written ("1..5" rather than "3:2"); <see cref="AnyValue"/> is
/// Moodle's "*", the catch-all that gives its feedback to every other number.</summary>
public sealed record NumericalAnswer(decimal Min, decimal Max, decimal Fraction, string? Feedback = null, bool AsRange = false, bool AnyValue = false)
{
    public static NumericalAnswer WithTolerance(decimal value, decimal tolerance, decimal fraction, string? feedback = null) =>
        new(value - tolerance, value + tolerance, fraction, feedback);

    public static NumericalAnswer CatchAll(decimal fraction, string? feedback) => new(0, 0, fraction, feedback, AnyValue: true);

    public decimal Value => (Min + Max) / 2;

    public decimal Tolerance => (Max - Min) / 2;

    public bool Holds(decimal value) => AnyValue || (Min <= value && value <= Max);
}
