using Learning.Modules.Core;
using Learning.Modules.Core.Localization;
using Learning.Modules.Core.Security;
using Learning.Modules.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Learning.Modules.Content.Pages.Editor;

/// <summary>Who changed an item, when, and how; an earlier version can be restored as a new draft.</summary>
[Authorize(Policy = Roles.EditorPolicy)]
public sealed class HistoryModel(LearningDbContext db, ContentPublisher publisher, IEnumerable<IContentType> types, IStringLocalizer<ContentStrings> S) : PageModel
{
    public ContentItem Item { get; private set; } = null!;

    /// <summary>The item's type, whose editor the page links to; null when its module is not registered.</summary>
    public IContentType? Type => types.FirstOrDefault(t => t.Name == Item.Type);

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRestoreAsync(int id, int number, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken) || Item.Versions.FirstOrDefault(v => v.Number == number) is not { } old)
        {
            return NotFound();
        }

        var author = User.DisplayName();
        var restored = publisher.AddVersion(Item, old.Title, old.Summary, old.Body, old.Fields, author, $"Restored version {old.Number}");
        Item.Status = ContentStatus.Draft;
        await db.SaveChangesAsync(cancellationToken);
        Message = S["Version {0} is restored as version {1}, a draft: publish it to show it to readers.", old.Number, restored.Number];
        return Redirect(CultureLinks.Path(Request, Cultures.Current, $"editor/items/{id}/history"));
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        Item = (await db.ContentItems.Include(i => i.Versions).SingleOrDefaultAsync(i => i.Id == id, cancellationToken))!;
        return Item is not null;
    }
}
