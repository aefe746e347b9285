using System.Text.Json.Serialization;

namespace Learning.Modules.Assessment.Questions;

/// <summary>What a learner answered to one question (stored as JSON, one row per answer).</summary>
[JsonDerivedType(typeof(ChoiceResponse), "choice")]
[JsonDerivedType(typeof(MatchingResponse), "matching")]
[JsonDerivedType(typeof(OrderingResponse), "ordering")]
[JsonDerivedType(typeof(TextResponse), "text")]
[JsonDerivedType(typeof(NumberResponse), "number")]
public abstract record Response;

/// <summary>Ticked choices, by index in <see cref="Question.Choices"/> (true/false: 0 = True, 1 = False).</summary>
public sealed record ChoiceResponse(ISet<int> Selected) : Response
{
    public static ChoiceResponse Of(params int[] selected) => new(selected.ToHashSet());
}

/// <summary>For each matching item (by index in <see cref="Question.Pairs"/>), the pair whose match the learner
/// chose (by index too, so that the answer means the same in every language).</summary>
public sealed record MatchingResponse(IReadOnlyDictionary<int, int> Matches) : Response;

/// <summary>The items of <see cref="Question.Order"/> by index, in the learner's order.</summary>
public sealed record OrderingResponse(IReadOnlyList<int> Order) : Response;

public sealed record TextResponse(string Text) : Response;

public sealed record NumberResponse(decimal Value) : Response;
