using Learning.Modules.Content.ContentAsides;

namespace Learning.Modules.Community.Discussions;

/// <summary>The discussions' place beside a practice and a part of the course: their threads and a link to start one.</summary>
public sealed class DiscussionsAside : IContentAside
{
    public Type ViewComponent => typeof(DiscussionsAsideViewComponent);

    // After Feedback's opinions (100): people rate first, then read what others ask.
    public int Order => 200;
}
