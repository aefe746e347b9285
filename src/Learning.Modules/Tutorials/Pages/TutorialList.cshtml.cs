using Learning.Modules.Content;
using Learning.Modules.Core;
using Learning.Modules.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Learning.Modules.Tutorials.Pages;

/// <summary>Every tutorial, in the reader's culture or else in French.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = ContentCachePolicy.Name)]
public sealed class TutorialListModel(LearningDbContext db) : PageModel
{
    public IReadOnlyList<Row> Tutorials { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var culture = Cultures.Current;
        var items = await db.ContentItems.AsNoTracking().VisibleToReaders()
            .Where(i => i.Type == TutorialType.TypeName && (i.Culture == culture || i.Culture == Cultures.Default))
            .Select(i => new Row(i.SetId, i.Culture, i.Slug, i.PublishedVersion!.Title, i.PublishedVersion.Summary))
            .ToListAsync(cancellationToken);
        Tutorials = items.GroupBy(i => i.SetId).Select(g => g.FirstOrDefault(i => i.Culture == culture) ?? g.First()).OrderBy(i => i.Title).ToList();
    }

    public sealed record Row(string SetId, string Culture, string Slug, string Title, string Summary);
}
