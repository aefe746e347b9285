namespace Learning.Modules.Assessment.Contracts;

/// <summary>What a test is called where it is given, and the page to go back to (a path after the culture).</summary>
public sealed record TestPlace(string Title, string BackPath);
