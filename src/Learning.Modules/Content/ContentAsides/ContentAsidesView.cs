namespace Learning.Modules.Content.ContentAsides;

/// <summary>The asides to draw, in order, for one subject.</summary>
public sealed record ContentAsidesView(ContentSubject Subject, IReadOnlyList<Type> Asides);
