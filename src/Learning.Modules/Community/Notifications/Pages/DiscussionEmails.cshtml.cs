using Learning.Modules.Core;
using Learning.Modules.Core.Localization;
using Learning.Modules.Core.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Learning.Modules.Community.Notifications.Pages;

/// <summary>
/// A person's discussion e-mails (<c>/{culture}/discussions/emails</c>): the choice (none, each message, a daily digest) and
/// following a place or not. Signed-in people only; each person changes only their own rows.
/// </summary>
public sealed class DiscussionEmailsModel(DiscussionSubscriptions subscriptions, IStringLocalizer<CommunityStrings> S) : PageModel
{
    [BindProperty(Name = "Mode")]
    public string? Mode { get; set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        NotificationMode? mode = Mode switch
        {
            nameof(NotificationMode.None) => NotificationMode.None,
            nameof(NotificationMode.EachMessage) => NotificationMode.EachMessage,
            nameof(NotificationMode.DailyDigest) => NotificationMode.DailyDigest,
            _ => null,
        };
        if (mode is null)
        {
            Error = S["Choose one of the options."];
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        await subscriptions.SetModeAsync(User.UserId()!, mode.Value, cancellationToken);
        return Redirect(CultureLinks.Path(Request, Cultures.Current, "discussions/followed") + "?saved=true");
    }

    /// <summary>Follows a place (<c>follow=true</c>) or stops; back to its list, or to "Followed discussions" (<c>back=followed</c>).</summary>
    public async Task<IActionResult> OnPostPlaceAsync(string? place, string? id, bool follow, bool all, string? back, CancellationToken cancellationToken)
    {
        if (!await subscriptions.FollowPlaceAsync(User.UserId()!, place, id, all ? null : Cultures.Current, follow, Cultures.Current, cancellationToken))
        {
            return NotFound();
        }

        return Redirect(back == "followed"
            ? CultureLinks.Path(Request, Cultures.Current, "discussions/followed")
            : CultureLinks.Path(Request, Cultures.Current, "discussions") + $"?place={place}&id={Uri.EscapeDataString(id!)}" + (all ? "&all=true" : ""));
    }
}
