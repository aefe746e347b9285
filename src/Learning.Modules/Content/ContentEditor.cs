using System.ComponentModel.DataAnnotations;
using Learning.Modules.Core;
using Learning.Modules.Core.Localization;
using Learning.Modules.Core.Security;
using Learning.Modules.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Learning.Modules.Content;

/// <summary>
/// What every content editor does: open an item's latest version (or a new translation pre-filled from the
/// set's source culture, to be translated in place), check the form as a content file by the same rules as
/// an import, and save it as a new version with the workflow step asked for: kept as a draft, submitted for
/// review, or published. Each type's page gives its form (<typeparamref name="TInput"/>) and how it reads.
/// </summary>
public abstract class ContentEditorModel<TInput>(
    LearningDbContext db,
    ContentPublisher publisher,
    ContentImporter validator,
    IContentType type,
    IStringLocalizer<ContentStrings> S) : PageModel
    where TInput : ContentInput, new()
{
    protected LearningDbContext Db { get; } = db;

    protected ContentPublisher Publisher { get; } = publisher;

    protected IContentType Type { get; } = type;

    [BindProperty]
    public TInput Input { get; set; } = new();

    public ContentItem? Item { get; protected set; }

    [TempData]
    public string? Message { get; set; }

    /// <summary>The form filled from a version.</summary>
    protected abstract TInput FromVersion(ContentItem item, ContentVersion version);

    /// <summary>The form as a content file; null when it cannot be read (what is wrong added to <paramref name="errors"/>).</summary>
    protected abstract ContentFile? ToContentFile(ContentStatus status, List<ContentImportError> errors);

    /// <summary>Called with the fields of the version opened, and of the form once it is checked.</summary>
    protected virtual void ShowPreview(ContentFields fields)
    {
    }

    public async Task<IActionResult> OnGetAsync(int? id, string? set, string? language, CancellationToken cancellationToken)
    {
        var source = id is not null
            ? await Db.ContentItems.Include(i => i.Versions).SingleOrDefaultAsync(i => i.Id == id && i.Type == Type.Name, cancellationToken)
            : set is null ? null : await Db.ContentItems.Include(i => i.Versions)
                .Where(i => i.SetId == set && i.Type == Type.Name).OrderBy(i => i.Culture == Cultures.Default ? 0 : 1).FirstOrDefaultAsync(cancellationToken);
        if (id is not null && source is null)
        {
            return NotFound();
        }

        Item = id is null ? null : source;
        var latest = source?.Versions.Single(v => v.Number == source.LatestVersionNumber);
        var culture = Cultures.IsSupported(language) ? language! : Cultures.Current;
        Input = source is null ? new TInput { SetId = set ?? "", Culture = culture } : FromVersion(source, latest!);
        if (id is null && source is not null)
        {
            Input = Input with { Culture = culture, Slug = "" };
        }

        ShowPreview(ContentFields.Parse(latest?.Fields ?? "{}"));
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(int? id, CancellationToken cancellationToken) => SaveAsync(id, ContentStatus.Draft, cancellationToken);

    public Task<IActionResult> OnPostSubmitAsync(int? id, CancellationToken cancellationToken) => SaveAsync(id, ContentStatus.InReview, cancellationToken);

    public Task<IActionResult> OnPostPublishAsync(int? id, CancellationToken cancellationToken) => SaveAsync(id, ContentStatus.Published, cancellationToken);

    /// <summary>Checks the form as a content file; saves it as a new version unless only checking (null).</summary>
    protected async Task<IActionResult> SaveAsync(int? id, ContentStatus? status, CancellationToken cancellationToken)
    {
        // Stored as read, not with the spaces a paste leaves around them.
        Input = Input with { Title = Input.Title?.Trim()!, Summary = Input.Summary?.Trim()! };
        Item = id is null ? null : await Db.ContentItems.SingleOrDefaultAsync(i => i.Id == id && i.Type == Type.Name, cancellationToken);
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
        else if (await Db.ContentItems.AnyAsync(i => i.Type == Type.Name && i.SetId == Input.SetId && i.Culture == Input.Culture, cancellationToken))
        {
            ModelState.AddModelError(string.Empty, S["This item already exists in this language."]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var errors = new List<ContentImportError>();
        var file = ToContentFile(status ?? ContentStatus.Draft, errors);
        errors.AddRange(file is null ? [] : await validator.ValidateAsync(file, cancellationToken));
        foreach (var error in errors)
        {
            // Lines of a parts box: the file's front matter starts one line above it.
            ModelState.AddModelError(string.Empty, error.File == StructuredInput.PartsFile ? S["Line {0} of the parts: {1}", error.Line - 1, error.Message] : error.Message);
        }

        if (file is null || !ModelState.IsValid)
        {
            return Page();
        }

        var fields = ContentFields.ToJson(file, Type.FieldKeys);
        ShowPreview(ContentFields.Parse(fields));
        if (status is null)
        {
            return Page();
        }

        Item ??= new ContentItem { Type = Type.Name, SetId = Input.SetId, Culture = Input.Culture, Slug = Input.Slug, Status = ContentStatus.Draft };
        Item.Slug = Input.Slug;
        var version = await Publisher.SaveAsync(Item, status.Value, Input.Title, Input.Summary, file.Body, fields, User.DisplayName(), cancellationToken);
        Message = status.Value switch
        {
            ContentStatus.Published => S["Version {0} is published.", version.Number],
            ContentStatus.InReview => S["Version {0} is saved and submitted for review.", version.Number],
            _ => S["Version {0} is saved as a draft.", version.Number],
        };
        return Redirect(CultureLinks.Path(Request, Cultures.Current, $"{Type.EditorPage}/{Item.Id}"));
    }
}

/// <summary>
/// The editor of a type whose fields are structured data (a tutorial, a MOOC part): title, slug, summary,
/// Markdown body, and the structured fields typed as YAML in the format of content/README.md.
/// "Check" validates the form and previews it without saving.
/// </summary>
public abstract class StructuredEditorModel(
    LearningDbContext db,
    ContentPublisher publisher,
    ContentImporter validator,
    IContentType type,
    IStringLocalizer<ContentStrings> S) : ContentEditorModel<StructuredInput>(db, publisher, validator, type, S)
{
    public Task<IActionResult> OnPostPreviewAsync(int? id, CancellationToken cancellationToken) => SaveAsync(id, null, cancellationToken);

    protected override StructuredInput FromVersion(ContentItem item, ContentVersion version) => StructuredInput.From(item, version, Type);

    protected override ContentFile? ToContentFile(ContentStatus status, List<ContentImportError> errors) => Input.ToContentFile(Type, status, errors);
}

/// <summary>The form of a structured item: the common fields, the body, and the structured fields as YAML.</summary>
public sealed record StructuredInput : ContentInput
{
    /// <summary>The name errors of the parts box carry instead of a file's.</summary>
    public const string PartsFile = "parts";

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
        var parsed = ContentFile.Parse(PartsFile, $"---\n{Parts.Replace("\r\n", "\n").Trim('\n')}\n---\n{Body}", errors);
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
