using Learning.Modules.Content;
using Learning.Modules.Core;
using Learning.Modules.Core.Localization;
using Learning.Modules.Core.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Learning.Modules.Community.Privacy.Pages;

/// <summary>An administrator writes the notice in one language (Markdown, no raw HTML), or goes back to the default.</summary>
[Authorize(Policy = Roles.AdministratorPolicy)]
public sealed class PrivacyEditModel(PrivacyNotices notices, MarkdownRenderer markdown, IStringLocalizer<CommunityStrings> S) : PageModel
{
    [FromRoute]
    public string Language { get; set; } = "";

    [BindProperty]
    public string? Markdown { get; set; }

    public bool IsDefault { get; private set; }

    public string PreviewHtml { get; private set; } = "";

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!Cultures.IsSupported(Language))
        {
            return NotFound();
        }

        var (text, updated) = await notices.ForAsync(Language, cancellationToken);
        Markdown = text;
        IsDefault = updated is null;
        PreviewHtml = markdown.ToHtml(text);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken cancellationToken)
    {
        if (!Cultures.IsSupported(Language))
        {
            return NotFound();
        }

        var text = Markdown?.Replace("\r\n", "\n", StringComparison.Ordinal).Trim() ?? "";
        if (text.Length == 0)
        {
            ModelState.AddModelError(nameof(Markdown), S["Write the notice, or go back to the default text."]);
        }
        else if (text.Length > PrivacyNotice.MaxLength)
        {
            ModelState.AddModelError(nameof(Markdown), S["The notice is too long: at most {0} characters.", PrivacyNotice.MaxLength]);
        }
        else if (text.Contains('\0', StringComparison.Ordinal) || !markdown.CanRead(text))
        {
            ModelState.AddModelError(nameof(Markdown), S["This text cannot be read as Markdown: its lists or quotes are nested too deeply."]);
        }

        if (!ModelState.IsValid)
        {
            var (_, updated) = await notices.ForAsync(Language, cancellationToken);
            IsDefault = updated is null;
            PreviewHtml = markdown.CanRead(Markdown ?? "") ? markdown.ToHtml(Markdown ?? "") : "";
            return Page();
        }

        await notices.SaveAsync(Language, text, User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value ?? "", cancellationToken);
        Message = S["The notice in {0} is saved.", Cultures.NativeName(Language)];
        return Redirect(CultureLinks.Path(Request, Cultures.Current, "admin/privacy/" + Language));
    }

    public async Task<IActionResult> OnPostResetAsync(CancellationToken cancellationToken)
    {
        if (!Cultures.IsSupported(Language))
        {
            return NotFound();
        }

        await notices.ResetAsync(Language, cancellationToken);
        Message = S["The notice in {0} is the default one again.", Cultures.NativeName(Language)];
        return Redirect(CultureLinks.Path(Request, Cultures.Current, "admin/privacy/" + Language));
    }
}
