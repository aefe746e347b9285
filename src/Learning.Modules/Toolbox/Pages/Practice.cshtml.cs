using Learning.Modules.Content;
using Learning.Modules.Core;
using Learning.Modules.Core.Localization;
using Learning.Modules.Core.Tenancy;
using Learning.Modules.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Learning.Modules.Toolbox.Pages;

/// <summary>A practice in the reader's culture; a practice not yet translated is shown in French, with a notice.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = ContentCachePolicy.Name)]
[CountsReads(PracticeType.TypeName)]
public sealed class PracticeModel(LearningDbContext db, ContentReader reader, MarkdownRenderer markdown, PracticePdf pdf, DataPaths paths, TenantContext tenantContext, IStringLocalizer<ToolboxStrings> S) : PageModel
{
    public ContentItem Item { get; private set; } = null!;

    public ContentVersion Version { get; private set; } = null!;

    public ContentFields Fields { get; private set; } = null!;

    public string BodyHtml { get; private set; } = "";

    public bool NotTranslated => Item.Culture != Cultures.Current;

    /// <summary>The same practice in each culture that has it, for the language picker and hreflang.</summary>
    public Dictionary<string, string> Alternates { get; private set; } = [];

    public IReadOnlyList<(string Slug, string Title)> Related { get; private set; } = [];

    /// <summary>The other items of the practice's set that readers are led to, such as its tutorial.</summary>
    public IReadOnlyList<ReaderLink> Companions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, cancellationToken))
        {
            return NotFound();
        }

        BodyHtml = markdown.ToHtml(Version.Body);
        var relatedSets = Fields.List("related");
        var related = await db.ContentItems.AsNoTracking().VisibleToReaders()
            .Where(i => i.Type == PracticeType.TypeName && relatedSets.Contains(i.SetId) && (i.Culture == Cultures.Current || i.Culture == Cultures.Default))
            .Select(i => new { i.SetId, i.Culture, i.Slug, i.PublishedVersion!.Title })
            .ToListAsync(cancellationToken);
        Related = related.GroupBy(r => r.SetId).Select(g => g.FirstOrDefault(r => r.Culture == Cultures.Current) ?? g.First()).Select(r => (r.Slug, r.Title)).ToList();
        return Page();
    }

    public async Task<IActionResult> OnGetPdfAsync(string slug, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, cancellationToken))
        {
            return NotFound();
        }

        var tenant = tenantContext.Tenant;
        var facts = new List<(string, string)>
        {
            (S["Organisations"], string.Join(", ", Fields.List("organisations"))),
            (S["Place"], Fields.Text("place") ?? ""),
            (S["Period"], Fields.Text("period") ?? ""),
            (S["Target public"], string.Join(", ", Fields.List("target_publics").Select(t => S[PracticeVocabulary.TargetPublics.GetValueOrDefault(t, t)].Value))),
            (S["Theme"], string.Join(", ", Fields.List("themes").Select(t => S[PracticeVocabulary.Themes.GetValueOrDefault(t, t)].Value))),
            (S["Contact"], Fields.Text("contact") ?? ""),
        };
        var address = CultureLinks.Absolute(Request, CultureLinks.Path(Request, Item.Culture, "toolbox/" + Item.Slug));
        var sheet = new PracticeSheet(Version.Id, Item.Culture, tenant.DisplayName, Version.Title, Version.Summary, facts, Version.Body, address);
        var bytes = await pdf.GetAsync(Path.Combine(paths.TenantFolder(tenant.Name), "pdf", Cultures.Current), sheet, cancellationToken);
        return File(bytes, "application/pdf", Item.Slug + ".pdf");
    }

    private async Task<bool> LoadAsync(string slug, CancellationToken cancellationToken)
    {
        if (await reader.FindAsync(PracticeType.TypeName, slug, Cultures.Current, cancellationToken) is not { } found)
        {
            return false;
        }

        (Item, Version) = (found.Item, found.Version);
        Fields = ContentFields.Parse(Version.Fields);
        Alternates = tenantContext.Tenant.Cultures.ToDictionary(c => c, c => CultureLinks.Path(Request, c, "toolbox/" + found.SlugByCulture[c]));
        Companions = await reader.CompanionsAsync(Item, Cultures.Current, cancellationToken);
        return true;
    }
}
