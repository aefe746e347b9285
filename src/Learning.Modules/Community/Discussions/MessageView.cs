namespace Learning.Modules.Community.Discussions;

/// <summary>A message as one reader sees it: its author's name (null for a former member), whether it is the reader's own,
/// whether its text is shown (<see cref="ShowsText"/>), and the message it quotes.</summary>
public sealed record MessageView(DiscussionMessage Message, string? AuthorName, bool Own, bool ShowsText, QuoteView? Quote, bool Pinned);

/// <summary>What a reply shows of the message it answers: its author and the start of its text, or nothing when that
/// message is no longer readable (deleted, hidden, removed).</summary>
public sealed record QuoteView(int MessageId, string? AuthorName, string? Excerpt);
