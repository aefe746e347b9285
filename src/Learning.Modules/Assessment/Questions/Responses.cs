namespace Learning.Modules.Assessment.Questions;

/// <summary>What a learner answered to one question.</summary>
public abstract record Response;

/// <summary>Ticked choices, by index in <see cref="Question.Choices"/> (true/false: 0 = True, 1 = False).</summary>
public sealed record ChoiceResponse(IReadOnlySet<int> Selected) : Response
{
    public static ChoiceResponse Of(params int[] selected) => new(selected.ToHashSet());
}

/// <summary>For each matching item (by index in <see cref="Question.Pairs"/>), the match the learner chose (its text).</summary>
public sealed record MatchingResponse(IReadOnlyDictionary<int, string> Matches) : Response;

/// <summary>The items of <see cref="Question.Order"/> by index, in the learner's order.</summary>
public sealed record OrderingResponse(IReadOnlyList<int> Order) : Response;

public sealed record TextResponse(string Text) : Response;

public sealed record NumberResponse(decimal Value) : Response;
