using System.Text;
using Learning.Modules.Core;
using Learning.Modules.Core.Localization;
using Learning.Modules.Core.Security;
using Learning.Modules.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Learning.Modules.Content.Pages.Editor;

/// <summary>A set's cultures side by side: which are missing, which are outdated (the source culture
/// published a newer version since the translation was last published), with XLIFF export and import.</summary>
[Authorize(Policy = Roles.EditorPolicy)]
public sealed class TranslationsModel(LearningDbContext db, Xliff xliff, IEnumerable<IContentType> types, IStringLocalizer<ContentStrings> S) : PageModel
{
    private const long MaxXliffBytes = 2 * 1024 * 1024;

    public string SetId { get; private set; } = "";

    /// <summary>The type of the set's items shown (a practice, its tutorial…), from ?type=.</summary>
    [BindProperty(SupportsGet = true, Name = "type")]
    public string? TypeName { get; set; }

    public IContentType Type { get; private set; } = null!;

    public IReadOnlyList<CultureColumn> Columns { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public List<string> Errors { get; } = [];

    public async Task<IActionResult> OnGetAsync(string set, CancellationToken cancellationToken) =>
        await LoadAsync(set, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnGetXliffAsync(string set, string target, CancellationToken cancellationToken)
    {
        if (await FindTypeAsync(set, cancellationToken) is not { } type || await xliff.ExportAsync(type.Name, set, target, cancellationToken) is not { } document)
        {
            return NotFound();
        }

        return File(Encoding.UTF8.GetBytes(document.Declaration + "\n" + document), "application/xliff+xml", $"{type.Name}.{set}.{Cultures.Default}-{target}.xlf");
    }

    public async Task<IActionResult> OnPostXliffAsync(string set, IFormFile? upload, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(set, cancellationToken))
        {
            return NotFound();
        }

        if (upload is null || upload.Length == 0 || upload.Length > MaxXliffBytes)
        {
            Errors.Add(S["Choose an XLIFF file of at most 2 MB."]);
            return Page();
        }

        await using var stream = upload.OpenReadStream();
        var author = User.DisplayName();
        var (item, errors) = await xliff.ImportAsync(stream, Type.Name, set, author, cancellationToken);
        if (item is null)
        {
            Errors.AddRange(errors.Count > 0 ? errors : [S["This file translates another item: nothing was imported."]]);
            return Page();
        }

        Message = S["The translation into {0} is saved as a draft: review it, then publish it.", Cultures.NativeName(item.Culture)];
        return Redirect(CultureLinks.Path(Request, Cultures.Current, $"editor/sets/{set}?type={Type.Name}"));
    }

    /// <summary>The type asked for, or else the first registered type with an item in the set: a set's
    /// address alone still opens its translations.</summary>
    private async Task<IContentType?> FindTypeAsync(string set, CancellationToken cancellationToken)
    {
        if (TypeName is null)
        {
            var present = await db.ContentItems.Where(i => i.SetId == set).Select(i => i.Type).Distinct().ToListAsync(cancellationToken);
            TypeName = types.FirstOrDefault(t => present.Contains(t.Name))?.Name;
        }

        return types.FirstOrDefault(t => t.Name == TypeName);
    }

    private async Task<bool> LoadAsync(string set, CancellationToken cancellationToken)
    {
        SetId = set;
        if (await FindTypeAsync(set, cancellationToken) is not { } type)
        {
            return false;
        }

        Type = type;
        var typeName = type.Name;
        var items = await db.ContentItems.AsNoTracking().Where(i => i.Type == typeName && i.SetId == set)
            .Select(i => new
            {
                i.Id, i.Culture, i.Status, i.LatestVersionNumber, i.TranslatedFromVersion, i.PublishedUtc,
                Published = (int?)i.PublishedVersion!.Number,
                Latest = i.Versions.Where(v => v.Number == i.LatestVersionNumber).Select(v => new { v.Title, v.Summary, v.CreatedUtc }).First(),
            })
            .ToListAsync(cancellationToken);
        if (items.Count == 0)
        {
            return false;
        }

        var source = items.FirstOrDefault(i => i.Culture == Cultures.Default);
        Columns = Cultures.All.Select(c => items.FirstOrDefault(i => i.Culture == c) is { } i
            ? new CultureColumn(c, i.Id, i.Status, i.LatestVersionNumber, i.Published, i.Latest.Title, i.Latest.Summary,
                Outdated: c != Cultures.Default && source?.Published is { } sourceVersion && i.Published is not null && (i.TranslatedFromVersion ?? 0) < sourceVersion)
            : new CultureColumn(c, null, null, 0, null, null, null, false)).ToList();
        return true;
    }

    public sealed record CultureColumn(string Culture, int? ItemId, ContentStatus? Status, int LatestVersion, int? PublishedVersion, string? Title, string? Summary, bool Outdated);
}
