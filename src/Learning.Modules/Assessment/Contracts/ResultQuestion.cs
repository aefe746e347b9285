namespace Learning.Modules.Assessment.Contracts;

/// <summary>A question of a bank: its name, its mark now, and for choice questions (single, multiple, true/false)
/// its choices as plain text, in the order <see cref="DrawnQuestion.Chosen"/> counts them.</summary>
public sealed record ResultQuestion(string Name, decimal Mark, IReadOnlyList<string> Choices);
