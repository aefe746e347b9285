using Microsoft.AspNetCore.Mvc;

namespace Learning.Modules.Content.ContentAsides;

/// <summary>Renders every registered <see cref="IContentAside"/> for what a reader's page shows; nothing when none is.</summary>
public sealed class ContentAsidesViewComponent(IEnumerable<IContentAside> asides) : ViewComponent
{
    public IViewComponentResult Invoke(ContentSubject subject)
    {
        var ordered = asides.OrderBy(a => a.Order).Select(a => a.ViewComponent).ToList();
        return ordered.Count == 0
            ? Content("")
            : View("/Content/ContentAsides/ContentAsides.cshtml", new ContentAsidesView(subject, ordered));
    }
}
