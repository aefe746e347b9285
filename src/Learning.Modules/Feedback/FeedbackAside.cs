using Learning.Modules.Content.ContentAsides;

namespace Learning.Modules.Feedback;

/// <summary>Feedback's place beside readers' pages: the average rating, and a signed-in person's own opinion.</summary>
public sealed class FeedbackAside : IContentAside
{
    public Type ViewComponent => typeof(FeedbackAsideViewComponent);

    public int Order => 100;
}
