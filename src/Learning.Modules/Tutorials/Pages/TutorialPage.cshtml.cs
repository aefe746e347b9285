using Learning.Modules.Content;
using Learning.Modules.Core;
using Learning.Modules.Core.Localization;
using Learning.Modules.Core.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Localization;

namespace Learning.Modules.Tutorials.Pages;

[AllowAnonymous]
[OutputCache(PolicyName = ContentCachePolicy.Name)]
[CountsReads(TutorialType.TypeName)]
public sealed class TutorialPageModel(ContentReader reader, MarkdownRenderer markdown, TenantContext tenantContext, IStringLocalizer<TutorialsStrings> S) : PageModel
{
    public ReaderItem Found { get; private set; } = null!;

    public Tutorial Tutorial { get; private set; } = null!;

    public string IntroductionHtml { get; private set; } = "";

    /// <summary>The other items of the tutorial's set that readers are led to, such as its practice.</summary>
    public IReadOnlyList<ReaderLink> Companions { get; private set; } = [];

    public Dictionary<string, string> Alternates { get; private set; } = [];

    public IReadOnlyDictionary<string, string> RoleLabels { get; private set; } = new Dictionary<string, string>();

    public bool NotTranslated => Found.Item.Culture != Cultures.Current;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        if (await reader.FindAsync(TutorialType.TypeName, slug, Cultures.Current, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        Found = found;
        Tutorial = Tutorial.From(ContentFields.Parse(found.Version.Fields));
        IntroductionHtml = markdown.ToHtml(found.Version.Body);
        Companions = await reader.CompanionsAsync(found.Item, Cultures.Current, cancellationToken);
        Alternates = tenantContext.Tenant.Cultures.ToDictionary(c => c, c => CultureLinks.Path(Request, c, "tutorials/" + found.SlugByCulture[c]));
        RoleLabels = new Dictionary<string, string>
        {
            ["funds"] = S["Who funds"],
            ["coordinates"] = S["Who coordinates"],
            ["delivers"] = S["Who delivers"],
            ["partner"] = S["Partners"],
            ["reached"] = S["Who is reached"],
        };
        return Page();
    }
}
