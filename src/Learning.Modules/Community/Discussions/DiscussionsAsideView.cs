using Learning.Modules.Content.ContentAsides;

namespace Learning.Modules.Community.Discussions;

/// <summary>What the aside draws: the place's threads in the reader's language (none when <paramref name="MembersOnly"/>
/// keeps them from a visitor), how many more there are, and in other languages.</summary>
public sealed record DiscussionsAsideView(ContentSubject Subject, bool MembersOnly, IReadOnlyList<ThreadSummary> Threads, int Total, int OtherLanguages,
    string ListUrl, string NewThreadUrl, string SignInUrl);
