namespace Learning.Modules.Assessment.Contracts;

/// <summary>A question as drawn into an attempt: the points it earned (its fraction × its mark), its mark, and the
/// choices ticked, by index in <see cref="ResultQuestion.Choices"/> (empty for other types or no answer).</summary>
public sealed record DrawnQuestion(string Name, decimal Points, decimal Mark, IReadOnlyList<int> Chosen);
