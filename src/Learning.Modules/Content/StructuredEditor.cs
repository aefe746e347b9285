using System.ComponentModel.DataAnnotations;
using Learning.Modules.Accounts;
using Learning.Modules.Core;
using Learning.Modules.Core.Localization;
using Learning.Modules.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Learning.Modules.Content;

/// <summary>
/// The editor of a type whose fields are structured data (a tutorial, a MOOC part): title, slug, summary,
/// Markdown body, and the structured fields typed as YAML in the format of content/README.md, checked
/// exactly like an imported file, with the same draft / review / publish workflow as every item.
/// Each type's page derives from it and shows its own preview of the checked fields.
/// </summary>
public abstract class StructuredEditorModel(
    LearningDbContext db,
    ContentPublisher publisher,
    ContentImporter validator,
    IContentType type,
    IStringLocalizer<ContentStrings> S) : PageModel
{
    [BindProperty]
    public StructuredInput Input { get; set; } = new();

    public ContentItem? Item { get; private set; }

    [TempData]
    public string? Message { get; set; }

    /// <summary>Called with the fields of the latest version, and of the form once it is checked.</summary>
    protected abstract void ShowPreview(ContentFields fields);

    public async Task<IActionResult> OnGetAsync(int? id, string? set, string? language, CancellationToken cancellationToken)
    {
        var source = id is not null
            ? await db.ContentItems.Include(i => i.Versions).SingleOrDefaultAsync(i => i.Id == id && i.Type == type.Name, cancellationToken)
            : set is null ? null : await db.ContentItems.Include(i => i.Versions)
                .Where(i => i.SetId == set && i.Type == type.Name).OrderBy(i => i.Culture == Cultures.Default ? 0 : 1).FirstOrDefaultAsync(cancellationToken);
        if (id is not null && source is null)
        {
            return NotFound();
        }

        Item = id is null ? null : source;
        var latest = source?.Versions.Single(v => v.Number == source.LatestVersionNumber);
        Input = source is null
            ? new StructuredInput { SetId = set ?? "", Culture = Cultures.IsSupported(language) ? language! : Cultures.Current }
            : StructuredInput.From(source, latest!, type);
        if (id is null && source is not null)
        {
            // A new translation starts from the source culture, to be translated in place.
            Input = Input with { Culture = Cultures.IsSupported(language) ? language! : Cultures.Current, Slug = "" };
        }

        ShowPreview(ContentFields.Parse(latest?.Fields ?? "{}"));
        return Page();
    }

    public Task<IActionResult> OnPostPreviewAsync(int? id, CancellationToken cancellationToken) => SaveAsync(id, null, cancellationToken);

    public Task<IActionResult> OnPostSaveAsync(int? id, CancellationToken cancellationToken) => SaveAsync(id, ContentStatus.Draft, cancellationToken);

    public Task<IActionResult> OnPostSubmitAsync(int? id, CancellationToken cancellationToken) => SaveAsync(id, ContentStatus.InReview, cancellationToken);

    public Task<IActionResult> OnPostPublishAsync(int? id, CancellationToken cancellationToken) => SaveAsync(id, ContentStatus.Published, cancellationToken);

    /// <summary>Checks the form as a content file; saves it as a new version unless only previewing (null).</summary>
    private async Task<IActionResult> SaveAsync(int? id, ContentStatus? status, CancellationToken cancellationToken)
    {
        Item = id is null ? null : await db.ContentItems.SingleOrDefaultAsync(i => i.Id == id && i.Type == type.Name, cancellationToken);
        if (id is not null && Item is null)
        {
            return NotFound();
        }

        if (Item is not null)
        {
            Input = Input with { SetId = Item.SetId, Culture = Item.Culture };
            ModelState.Remove($"{nameof(Input)}.{nameof(Input.SetId)}");
            ModelState.Remove($"{nameof(Input)}.{nameof(Input.Culture)}");
        }
        else if (await db.ContentItems.AnyAsync(i => i.Type == type.Name && i.SetId == Input.SetId && i.Culture == Input.Culture, cancellationToken))
        {
            ModelState.AddModelError(string.Empty, S["This item already exists in this language."]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var errors = new List<ContentImportError>();
        var file = Input.ToContentFile(type, status ?? ContentStatus.Draft, errors);
        errors.AddRange(file is null ? [] : await validator.ValidateAsync(file, cancellationToken));
        foreach (var error in errors)
        {
            // Lines of the parts box: the file's front matter starts one line above it.
            ModelState.AddModelError(string.Empty, error.File == "parts" ? S["Line {0} of the parts: {1}", error.Line - 1, error.Message] : error.Message);
        }

        if (file is null || !ModelState.IsValid)
        {
            return Page();
        }

        var fields = ContentFields.ToJson(file, type.FieldKeys);
        ShowPreview(ContentFields.Parse(fields));
        if (status is null)
        {
            return Page();
        }

        Item ??= new ContentItem { Type = type.Name, SetId = Input.SetId, Culture = Input.Culture, Slug = Input.Slug, Status = ContentStatus.Draft };
        Item.Slug = Input.Slug;
        var version = await publisher.SaveAsync(Item, status.Value, Input.Title, Input.Summary, Input.Body ?? "", fields, User.DisplayName(), cancellationToken);
        Message = status.Value switch
        {
            ContentStatus.Published => S["Version {0} is published.", version.Number],
            ContentStatus.InReview => S["Version {0} is saved and submitted for review.", version.Number],
            _ => S["Version {0} is saved as a draft.", version.Number],
        };
        return Redirect(CultureLinks.Path(Request, Cultures.Current, $"{type.EditorPage}/{Item.Id}"));
    }
}

/// <summary>The form of a structured item: the common fields, the body, and the structured fields as YAML.</summary>
public sealed record StructuredInput : ContentInput
{
    [Required(ErrorMessage = "This field is required.")]
    public string Parts { get; init; } = "";

    public string? Body { get; init; }

    public static StructuredInput From(ContentItem item, ContentVersion version, IContentType type)
    {
        var yaml = ContentFile.Format(ContentFields.Parse(version.Fields).InOrder(type.FieldKeys), "");
        return new StructuredInput
        {
            SetId = item.SetId,
            Culture = item.Culture,
            Slug = item.Slug,
            Title = version.Title,
            Summary = version.Summary,
            Body = version.Body,
            Parts = yaml["---\n".Length..yaml.LastIndexOf("---\n", StringComparison.Ordinal)].TrimEnd(),
        };
    }

    /// <summary>The form as a content file, or null when the parts are not valid YAML (added to <paramref name="errors"/>).</summary>
    public ContentFile? ToContentFile(IContentType type, ContentStatus status, List<ContentImportError> errors)
    {
        var parsed = ContentFile.Parse("parts", $"---\n{Parts.Replace("\r\n", "\n").Trim('\n')}\n---\n{Body}", errors);
        if (parsed is null)
        {
            return null;
        }

        var file = new ContentFile { Path = $"{type.Folder}/{SetId}/{type.FilePrefix}{Culture}.md", Body = Body ?? "" };
        foreach (var (key, value) in parsed.Structures)
        {
            file.Structures[key] = value;
        }

        foreach (var (key, value) in parsed.Values)
        {
            file.Values[key] = value;
        }

        foreach (var (key, list) in parsed.Lists)
        {
            file.Lists[key] = list;
        }

        foreach (var (key, line) in parsed.Lines)
        {
            file.Lines[key] = line; // so that an unknown part is reported
        }

        file.Values["type"] = type.Name;
        file.Values["set"] = SetId;
        file.Values["culture"] = Culture;
        file.Values["slug"] = Slug;
        file.Values["title"] = Title;
        file.Values["summary"] = Summary;
        file.Values["status"] = ContentImporter.FormatStatus(status);
        return file;
    }
}
