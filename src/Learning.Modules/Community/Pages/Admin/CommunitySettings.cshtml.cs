using Learning.Modules.Community.Discussions;
using Learning.Modules.Core.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Learning.Modules.Community.Pages.Admin;

/// <summary>The tenant's discussion settings (<c>/{culture}/admin/community</c>), for its administrators: discussions for
/// members only, a new account's first messages held for review, a former member's text removed with their account.</summary>
[Authorize(Policy = Roles.AdministratorPolicy)]
public sealed class CommunitySettingsModel(DiscussionSettingsStore store, DiscussionBoard board, TimeProvider clock, IStringLocalizer<CommunityStrings> S) : PageModel
{
    [BindProperty]
    public bool MembersOnly { get; set; }

    [BindProperty]
    public bool HoldFirstMessages { get; set; }

    [BindProperty]
    public bool RemoveErasedContent { get; set; }

    [TempData]
    public string? Done { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var settings = await store.GetAsync(cancellationToken);
        (MembersOnly, HoldFirstMessages, RemoveErasedContent) = (settings.MembersOnly, settings.HoldFirstMessages, settings.RemoveErasedContent);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        await store.SaveAsync(MembersOnly, HoldFirstMessages, RemoveErasedContent, clock.GetUtcNow().UtcDateTime, cancellationToken);
        // Visitors' cached pages show the discussions, or the invitation to sign in, as the settings now say.
        await board.EvictAsync(cancellationToken);
        Done = S["The settings are saved."];
        return LocalRedirect(Request.PathBase + Request.Path);
    }
}
