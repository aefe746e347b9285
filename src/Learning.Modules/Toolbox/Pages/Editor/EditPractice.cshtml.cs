using System.ComponentModel.DataAnnotations;
using Learning.Modules.Accounts;
using Learning.Modules.Content;
using Learning.Modules.Core;
using Learning.Modules.Core.Localization;
using Learning.Modules.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Learning.Modules.Toolbox.Pages.Editor;

/// <summary>
/// Writes a practice in one culture: a new practice, a new translation of a set (pre-filled from the
/// source culture), or a new version of an existing one. Every save is a new version; "submit" asks
/// for review; "publish" shows the version to readers. Markdown is previewed before anything is saved.
/// </summary>
[Authorize(Policy = Roles.EditorPolicy)]
public sealed class EditPracticeModel(
    LearningDbContext db,
    ContentPublisher publisher,
    ContentImporter validator,
    MarkdownRenderer markdown,
    PracticeType type,
    IStringLocalizer<ToolboxStrings> S) : PageModel
{
    [BindProperty]
    public PracticeInput Input { get; set; } = new();

    public ContentItem? Item { get; private set; }

    public string? PreviewHtml { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(int? id, string? set, string? language, CancellationToken cancellationToken)
    {
        if (id is not null)
        {
            Item = await db.ContentItems.Include(i => i.Versions).SingleOrDefaultAsync(i => i.Id == id && i.Type == PracticeType.TypeName, cancellationToken);
            if (Item is null)
            {
                return NotFound();
            }

            Input = PracticeInput.From(Item, Item.Versions.Single(v => v.Number == Item.LatestVersionNumber));
            return Page();
        }

        Input = new PracticeInput { Culture = Cultures.IsSupported(language) ? language! : Cultures.Current, SetId = set ?? "" };
        if (set is not null)
        {
            // A new translation starts from the source culture's text, to be translated in place.
            var source = await db.ContentItems.Include(i => i.Versions)
                .Where(i => i.SetId == set && i.Type == PracticeType.TypeName)
                .OrderBy(i => i.Culture == Cultures.Default ? 0 : 1).FirstOrDefaultAsync(cancellationToken);
            if (source is not null)
            {
                Input = PracticeInput.From(source, source.Versions.Single(v => v.Number == source.LatestVersionNumber)) with { Culture = Input.Culture, Slug = "" };
            }
        }

        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(int? id, CancellationToken cancellationToken) => SaveAsync(id, ContentStatus.Draft, cancellationToken);

    public Task<IActionResult> OnPostSubmitAsync(int? id, CancellationToken cancellationToken) => SaveAsync(id, ContentStatus.InReview, cancellationToken);

    public Task<IActionResult> OnPostPublishAsync(int? id, CancellationToken cancellationToken) => SaveAsync(id, ContentStatus.Published, cancellationToken);

    /// <summary>Takes the practice away from readers; its versions stay, and publishing brings it back.</summary>
    public async Task<IActionResult> OnPostArchiveAsync(int id, CancellationToken cancellationToken)
    {
        var item = await db.ContentItems.SingleOrDefaultAsync(i => i.Id == id && i.Type == PracticeType.TypeName, cancellationToken);
        if (item is null)
        {
            return NotFound();
        }

        await publisher.WithdrawAsync(item, ContentStatus.Archived, cancellationToken);
        await publisher.EvictCachedPagesAsync(cancellationToken);
        Message = S["The practice is archived: readers no longer see it."];
        return Redirect(CultureLinks.Path(Request, Cultures.Current, $"editor/practice/{item.Id}"));
    }

    public async Task<IActionResult> OnPostPreviewAsync(int? id, CancellationToken cancellationToken)
    {
        Item = id is null ? null : await db.ContentItems.FindAsync([id], cancellationToken);
        PreviewHtml = markdown.ToHtml(Input.Body ?? "");
        return Page();
    }

    /// <summary>The live preview's fragment (wwwroot/js/markdown-preview.js); the same Markdown pipeline as readers get.</summary>
    public IActionResult OnPostPreviewFragment() => Content(markdown.ToHtml(Input.Body ?? ""), "text/html; charset=utf-8");

    private async Task<IActionResult> SaveAsync(int? id, ContentStatus status, CancellationToken cancellationToken)
    {
        Item = id is null ? null : await db.ContentItems.SingleOrDefaultAsync(i => i.Id == id && i.Type == PracticeType.TypeName, cancellationToken);
        if (id is not null && Item is null)
        {
            return NotFound();
        }

        if (Item is not null)
        {
            // An existing item's set and culture never change: they are not in its form.
            Input = Input with { SetId = Item.SetId, Culture = Item.Culture };
            ModelState.Remove($"{nameof(Input)}.{nameof(Input.SetId)}");
            ModelState.Remove($"{nameof(Input)}.{nameof(Input.Culture)}");
        }
        else if (await db.ContentItems.AnyAsync(i => i.Type == PracticeType.TypeName && i.SetId == Input.SetId && i.Culture == Input.Culture, cancellationToken))
        {
            ModelState.AddModelError(string.Empty, S["This practice already exists in this language."]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var file = Input.ToContentFile(type, status);
        foreach (var error in await validator.ValidateAsync(file, cancellationToken))
        {
            ModelState.AddModelError(string.Empty, error.Message);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        Item ??= new ContentItem { Type = PracticeType.TypeName, SetId = Input.SetId, Culture = Input.Culture, Slug = Input.Slug, Status = ContentStatus.Draft };
        Item.Slug = Input.Slug;
        var author = User.DisplayName();
        var version = await publisher.SaveAsync(Item, status, Input.Title, Input.Summary, Input.Body!, ContentFields.ToJson(file, type.FieldKeys), author, cancellationToken);
        Message = status switch
        {
            ContentStatus.Published => S["Version {0} is published.", version.Number],
            ContentStatus.InReview => S["Version {0} is saved and submitted for review.", version.Number],
            _ => S["Version {0} is saved as a draft.", version.Number],
        };
        return Redirect(CultureLinks.Path(Request, Cultures.Current, $"editor/practice/{Item.Id}"));
    }
}

/// <summary>The practice form: the common fields and the practice's own, lists typed one per line or separated by commas.</summary>
public sealed record PracticeInput : ContentInput
{
    [Required(ErrorMessage = "This field is required.")]
    public string Organisations { get; init; } = "";

    public string Country { get; init; } = "BE";

    public string? Place { get; init; }

    public string? Period { get; init; }

    public string? Contact { get; init; }

    public List<string> TargetPublics { get; init; } = [];

    public List<string> Themes { get; init; } = [];

    public List<string> ActionTypes { get; init; } = [];

    public string? Related { get; init; }

    [Required(ErrorMessage = "This field is required.")]
    public string? Body { get; init; }

    public static PracticeInput From(ContentItem item, ContentVersion version)
    {
        var fields = ContentFields.Parse(version.Fields);
        return new PracticeInput
        {
            SetId = item.SetId,
            Culture = item.Culture,
            Slug = item.Slug,
            Title = version.Title,
            Summary = version.Summary,
            Body = version.Body,
            Organisations = string.Join("\n", fields.List("organisations")),
            Country = fields.Text("country") ?? "BE",
            Place = fields.Text("place"),
            Period = fields.Text("period"),
            Contact = fields.Text("contact"),
            TargetPublics = [.. fields.List("target_publics")],
            Themes = [.. fields.List("themes")],
            ActionTypes = [.. fields.List("action_types")],
            Related = string.Join(", ", fields.List("related")),
        };
    }

    /// <summary>The form as a content file, checked by the same rules as an import.</summary>
    public ContentFile ToContentFile(PracticeType type, ContentStatus status)
    {
        var file = new ContentFile { Path = $"{type.Folder}/{SetId}/{Culture}.md", Body = Body ?? "" };
        file.Values["type"] = type.Name;
        file.Values["set"] = SetId;
        file.Values["culture"] = Culture;
        file.Values["slug"] = Slug;
        file.Values["title"] = Title;
        file.Values["summary"] = Summary;
        file.Values["status"] = ContentImporter.FormatStatus(status);
        file.Values["country"] = Country;
        foreach (var (key, value) in new[] { ("place", Place), ("period", Period), ("contact", Contact) })
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                file.Values[key] = value.Trim();
            }
        }

        file.Lists["organisations"] = Split(Organisations);
        file.Lists["target_publics"] = TargetPublics;
        file.Lists["themes"] = Themes;
        file.Lists["action_types"] = ActionTypes;
        file.Lists["related"] = Split(Related);
        return file;
    }

    private static List<string> Split(string? text) =>
        (text ?? "").Split(['\n', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
