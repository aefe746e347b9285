namespace Learning.Modules.Community.Discussions.Contracts;

/// <summary>"A message was posted": one message readers can see, when it became visible, and where.</summary>
public sealed record PublishedMessage(int MessageId, int ThreadId, string ThreadTitle, string Culture, string PlaceKind, string PlaceId, string? AuthorId,
    DateTime PublishedUtc);
