using Learning.Modules.Content;
using Learning.Modules.Core;
using Learning.Modules.Mooc.Glossary;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Learning.Modules.Mooc.Pages;

/// <summary>The glossary of services: one entry per service with its anchor, filtered by a plain GET query
/// (<c>?q=</c>), so that the filter works without JavaScript and a filtered list has an address.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = ContentCachePolicy.Name)]
public sealed class GlossaryPageModel(Glossary.ServiceGlossary glossary, MarkdownRenderer markdown) : PageModel
{
    /// <summary>Longer queries are cut: nobody types more to find a service.</summary>
    public const int MaxQueryLength = 100;

    public GlossaryView View { get; private set; } = null!;

    public IReadOnlyList<GlossaryEntry> Entries { get; private set; } = [];

    public string IntroductionHtml { get; private set; } = "";

    [FromQuery(Name = "q")]
    public string? Query { get; set; }

    public bool Filtered => !string.IsNullOrWhiteSpace(Query);

    public bool NotTranslated => View.Culture != Cultures.Current;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await glossary.InAsync(Cultures.Current, cancellationToken) is not { } view)
        {
            return NotFound();
        }

        Query = Query?.Trim() is { Length: > MaxQueryLength } longQuery ? longQuery[..MaxQueryLength] : Query?.Trim();
        View = view;
        Entries = view.Matching(Query);
        IntroductionHtml = markdown.ToHtml(view.Body);
        return Page();
    }
}
