using System.ComponentModel.DataAnnotations;
using Learning.Modules.Content;
using Learning.Modules.Core;
using Learning.Modules.Core.Localization;
using Learning.Modules.Core.Security;
using Learning.Modules.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Learning.Modules.Toolbox.Pages.Editor;

/// <summary>
/// Writes a practice in one culture: a new practice, a new translation of a set (pre-filled from the
/// source culture), or a new version of an existing one, with the workflow every editor shares. Markdown is
/// previewed before anything is saved; "archive" takes a published practice away from readers.
/// </summary>
[Authorize(Policy = Roles.EditorPolicy)]
public sealed class EditPracticeModel(
    LearningDbContext db,
    ContentPublisher publisher,
    ContentImporter validator,
    MarkdownRenderer markdown,
    PracticeType type,
    IStringLocalizer<ContentStrings> contentStrings,
    IStringLocalizer<ToolboxStrings> S) : ContentEditorModel<PracticeInput>(db, publisher, validator, type, contentStrings)
{
    public string? PreviewHtml { get; private set; }

    /// <summary>Takes the practice away from readers; its versions stay, and publishing brings it back.</summary>
    public async Task<IActionResult> OnPostArchiveAsync(int id, CancellationToken cancellationToken)
    {
        var item = await Db.ContentItems.SingleOrDefaultAsync(i => i.Id == id && i.Type == PracticeType.TypeName, cancellationToken);
        if (item is null)
        {
            return NotFound();
        }

        await Publisher.WithdrawAsync(item, ContentStatus.Archived, cancellationToken);
        await Publisher.EvictCachedPagesAsync(cancellationToken);
        Message = S["The practice is archived: readers no longer see it."];
        return Redirect(CultureLinks.Path(Request, Cultures.Current, $"editor/practice/{item.Id}"));
    }

    public async Task<IActionResult> OnPostPreviewAsync(int? id, CancellationToken cancellationToken)
    {
        Item = id is null ? null : await Db.ContentItems.FindAsync([id], cancellationToken);
        PreviewHtml = markdown.ToHtml(Input.Body ?? "");
        return Page();
    }

    /// <summary>The live preview's fragment (wwwroot/js/markdown-preview.js); the same Markdown pipeline as readers get.</summary>
    public IActionResult OnPostPreviewFragment() => Content(markdown.ToHtml(Input.Body ?? ""), "text/html; charset=utf-8");

    protected override PracticeInput FromVersion(ContentItem item, ContentVersion version) => PracticeInput.From(item, version);

    protected override ContentFile? ToContentFile(ContentStatus status, List<ContentImportError> errors) => Input.ToContentFile(Type, status);
}

/// <summary>The practice form: the common fields and the practice's own, lists typed one per line or separated by commas.</summary>
public sealed record PracticeInput : ContentInput
{
    [Required(ErrorMessage = "This field is required.")]
    [StringLength(2000, ErrorMessage = "This is too long: {1} characters at most.")]
    [TypedText(Lines = true)]
    public string Organisations { get; init; } = "";

    public string Country { get; init; } = "BE";

    [StringLength(200, ErrorMessage = "This is too long: {1} characters at most.")]
    [TypedText]
    public string? Place { get; init; }

    [StringLength(200, ErrorMessage = "This is too long: {1} characters at most.")]
    [TypedText]
    public string? Period { get; init; }

    [StringLength(200, ErrorMessage = "This is too long: {1} characters at most.")]
    [TypedText]
    public string? Contact { get; init; }

    public List<string> TargetPublics { get; init; } = [];

    public List<string> Themes { get; init; } = [];

    public List<string> ActionTypes { get; init; } = [];

    [StringLength(1000, ErrorMessage = "This is too long: {1} characters at most.")]
    [TypedText]
    public string? Related { get; init; }

    // A NUL would fail PostgreSQL's save (the other editors' bodies are read as content files, which refuse it).
    [Required(ErrorMessage = "This field is required.")]
    [TypedText(Lines = true)]
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
    public ContentFile ToContentFile(IContentType type, ContentStatus status)
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
        file.Lists["target_publics"] = Ticked(TargetPublics);
        file.Lists["themes"] = Ticked(Themes);
        file.Lists["action_types"] = Ticked(ActionTypes);
        file.Lists["related"] = Split(Related);
        return file;
    }

    /// <summary>The ticked boxes' values; an empty one (bound as null), which only a tampered form posts, is none.</summary>
    private static List<string> Ticked(List<string> values) => values.Where(v => !string.IsNullOrWhiteSpace(v)).ToList();

    private static List<string> Split(string? text) =>
        (text ?? "").Split(['\n', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
