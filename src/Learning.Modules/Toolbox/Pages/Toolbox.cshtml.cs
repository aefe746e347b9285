using Learning.Modules.Content;
using Learning.Modules.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Learning.Modules.Toolbox.Pages;

[AllowAnonymous]
[OutputCache(PolicyName = ContentCachePolicy.Name)]
public sealed class ToolboxModel(PracticeCatalog catalog) : PageModel
{
    public string? Query { get; private set; }

    public CatalogPage Catalog { get; private set; } = null!;

    public async Task OnGetAsync(string? q, CancellationToken cancellationToken)
    {
        Query = q?.Trim();
        var selected = new[] { "theme", "public", "action", "country", "lang" }
            .ToDictionary(p => p, p => (IReadOnlyList<string>)Request.Query[p].Where(v => !string.IsNullOrEmpty(v)).Select(v => v!).Take(20).ToList());
        Catalog = await catalog.FindAsync(Cultures.Current, Query, selected, cancellationToken);
    }
}
