namespace Learning.Modules.Community.Discussions;

/// <summary>A thread as one reader sees it: the question first, then the pinned answer, then the other messages in order.</summary>
public sealed record ThreadView(DiscussionThread Thread, string? AuthorName, IReadOnlyList<MessageView> Messages);
