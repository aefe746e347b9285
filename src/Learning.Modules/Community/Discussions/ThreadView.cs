using Learning.Modules.Core;

namespace Learning.Modules.Community.Discussions;

/// <summary>A thread as one reader sees it: the question first, then the pinned answer, then one page of the other messages in order.</summary>
public sealed record ThreadView(DiscussionThread Thread, string? AuthorName, IReadOnlyList<MessageView> Messages)
{
    /// <summary>Which page of the replies <see cref="Messages"/> holds (after the question and the pinned answer).</summary>
    public Pager Pager { get; init; } = new(1, DiscussionReader.RepliesPerPage, 0);
}
