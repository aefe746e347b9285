using Learning.Modules.Content;
using Learning.Modules.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Learning.Modules.Community.Privacy.Pages;

/// <summary>The tenant's privacy notice in the reader's language: its administrators' text, or the default one.</summary>
[AllowAnonymous]
public sealed class PrivacyModel(PrivacyNotices notices, MarkdownRenderer markdown) : PageModel
{
    /// <summary>The notice rendered by the content pipeline (raw HTML off, safe links only).</summary>
    public string NoticeHtml { get; private set; } = "";

    public DateTime? UpdatedUtc { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var (text, updated) = await notices.ForAsync(Cultures.Current, cancellationToken);
        NoticeHtml = markdown.ToHtml(text);
        UpdatedUtc = updated;
    }
}
