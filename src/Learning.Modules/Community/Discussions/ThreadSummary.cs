namespace Learning.Modules.Community.Discussions;

/// <summary>A thread in a list: its place, language, author, replies readers see, and whether it is locked or not yet listed.</summary>
public sealed record ThreadSummary(int Id, string Title, string Culture, string PlaceKind, string PlaceId, string? AuthorId, DateTime CreatedUtc,
    DateTime LastActivityUtc, int Replies, bool Locked, bool Listed);
