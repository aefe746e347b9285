using Learning.Modules.Content.ContentAsides;

namespace Learning.Modules.Community.Sharing;

/// <summary>"Shared by …" on a practice a learner shared and agreed to be credited for; before the ratings.</summary>
public sealed class SharedByAside : IContentAside
{
    public Type ViewComponent => typeof(SharedByViewComponent);

    public int Order => 50;
}
