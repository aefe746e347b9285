using Learning.Modules.Core.Security;
using Learning.Modules.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Learning.Modules.Content.Pages.Editor;

/// <summary>Every localization set with the state of each culture: where editors start.</summary>
[Authorize(Policy = Roles.EditorPolicy)]
public sealed class ContentListModel(LearningDbContext db, IEnumerable<IContentType> types) : PageModel
{
    public IReadOnlyList<SetRow> Sets { get; private set; } = [];

    public IEnumerable<IContentType> Types => types;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var registered = types.Select(t => t.Name).ToList();
        var items = await db.ContentItems.AsNoTracking()
            .Where(i => registered.Contains(i.Type)) // a type whose module is not listed has no editor
            .Select(i => new ItemCell(i.Id, i.Type, i.SetId, i.Culture, i.Status, i.PublishedVersionId != null,
                i.Versions.Where(v => v.Number == i.LatestVersionNumber).Select(v => v.Title).First()))
            .ToListAsync(cancellationToken);
        Sets = items.GroupBy(i => (i.Type, i.SetId))
            .Select(g => new SetRow(g.Key.Type, g.Key.SetId, g.ToDictionary(i => i.Culture)))
            .OrderBy(s => s.Type).ThenBy(s => s.SetId)
            .ToList();
    }

    public sealed record ItemCell(int Id, string Type, string SetId, string Culture, ContentStatus Status, bool Published, string Title);

    public sealed record SetRow(string Type, string SetId, IReadOnlyDictionary<string, ItemCell> Cultures);
}
