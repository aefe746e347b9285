using Learning.Modules.Content;
using Learning.Modules.Content.ContentAsides;
using Learning.Modules.Core;
using Learning.Modules.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

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
public sealed class GlossaryAsideViewComponent(LearningDbContext db, ServiceGlossary glossary) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(ContentSubject subject)
    {
        if (subject.Kind != MoocPartType.LinkedPracticeType)
        {
            return Content("");
        }

        var cancellationToken = HttpContext.RequestAborted;
        var sheets = await db.ContentItems.AsNoTracking().VisibleToReaders()
            .Where(i => i.Type == MoocPartType.LinkedPracticeType && i.SetId == subject.SetId && (i.Culture == subject.Culture || i.Culture == Cultures.Default))
            .Select(i => new { i.Culture, i.PublishedVersion!.Title, i.PublishedVersion.Summary, i.PublishedVersion.Body, i.PublishedVersion.Fields })
            .ToListAsync(cancellationToken);
        var sheet = sheets.FirstOrDefault(s => s.Culture == subject.Culture) ?? sheets.FirstOrDefault();
        if (sheet is null || await glossary.InAsync(sheet.Culture, cancellationToken) is not { } services)
        {
            return Content("");
        }

        var named = services.NamedIn([sheet.Title, sheet.Summary, sheet.Body, .. ContentFields.Parse(sheet.Fields).AllValues()]);
        return named.Count == 0 ? Content("") : View("/Mooc/Glossary/Views/GlossaryAside.cshtml", new GlossaryAsideView(sheet.Culture, named));
    }
}

public sealed record GlossaryAsideView(string Culture, IReadOnlyList<GlossaryEntry> Services);
