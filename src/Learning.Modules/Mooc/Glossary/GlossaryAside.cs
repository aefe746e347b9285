using Learning.Modules.Content.ContentAsides;
using Microsoft.AspNetCore.Mvc;

namespace Learning.Modules.Mooc.Glossary;

/// <summary>Beside a practice of the toolbox: the services of the glossary that its sheet names, each a link to its
/// entry (the toolbox does not know the MOOC: the aside reads the practice as Content holds it).</summary>
public sealed class GlossaryAside : IContentAside
{
    public Type ViewComponent => typeof(GlossaryAsideViewComponent);

    public int Order => 50;
}

/// <summary>The same for every reader (no form, nothing personal), so visitors' cached pages may hold it; a
/// publication of the practice or of the glossary evicts them.</summary>
public sealed class GlossaryAsideViewComponent(ServiceGlossary glossary) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(ContentSubject subject)
    {
        if (subject.Kind != MoocPartType.LinkedPracticeType)
        {
            return Content("");
        }

        var (culture, named) = await glossary.NamedInPracticeAsync(subject.SetId, subject.Culture, HttpContext.RequestAborted);
        return named.Count == 0 ? Content("") : View("/Mooc/Glossary/Views/GlossaryAside.cshtml", new GlossaryAsideView(culture, named));
    }
}

public sealed record GlossaryAsideView(string Culture, IReadOnlyList<GlossaryEntry> Services);
