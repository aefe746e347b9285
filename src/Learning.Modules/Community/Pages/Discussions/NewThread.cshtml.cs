using System.ComponentModel.DataAnnotations;
using Learning.Modules.Community.Discussions;
using Learning.Modules.Content;
using Learning.Modules.Core;
using Learning.Modules.Core.Localization;
using Learning.Modules.Core.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Learning.Modules.Community.Pages.Discussions;

/// <summary>Starts a thread in a place (<c>?place=practice&amp;id=…</c>, or the general place), in the reader's language:
/// a title and a first message. Signed-in people only (signing in needs a confirmed e-mail address).</summary>
public sealed class NewThreadModel(DiscussionPlaces places, DiscussionBoard board, IAuthorizationService authorization, MarkdownRenderer markdown,
    IStringLocalizer<CommunityStrings> S) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "place")]
    public string? PlaceKind { get; set; }

    [BindProperty(SupportsGet = true, Name = "id")]
    public string? PlaceId { get; set; }

    [BindProperty]
    [StringLength(DiscussionPlaces.TitleLength, ErrorMessage = "This is too long: {1} characters at most.")]
    [TypedText]
    public string? Title { get; set; }

    [BindProperty]
    [StringLength(DiscussionMessage.BodyLength, ErrorMessage = "This is too long: {1} characters at most.")]
    [TypedText(Lines = true)]
    public string? Body { get; set; }

    public DiscussionPlace? Place { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Place = await places.FindAsync(PlaceKind ?? DiscussionPlaces.General, PlaceId ?? DiscussionPlaces.General, Cultures.Current, cancellationToken);
        return Place is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Place = await places.FindAsync(PlaceKind, PlaceId, Cultures.Current, cancellationToken);
        if (Place is null)
        {
            return NotFound();
        }

        var title = DiscussionTexts.Trimmed(Title);
        var body = DiscussionTexts.Trimmed(Body);
        if (title is null)
        {
            ModelState.AddModelError(nameof(Title), S["Give the discussion a title."]);
        }

        if (body is null)
        {
            ModelState.AddModelError(nameof(Body), S["Write your message."]);
        }
        else if (DiscussionTexts.Unreadable(S, markdown, body) is { } unreadable)
        {
            ModelState.AddModelError(nameof(Body), unreadable);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var editor = (await authorization.AuthorizeAsync(User, Roles.EditorPolicy)).Succeeded;
        var (outcome, threadId) = await board.StartAsync(User.UserId()!, editor, Place, Cultures.Current, title!, body!, cancellationToken);
        if (outcome is not (DiscussionOutcome.Done or DiscussionOutcome.Held))
        {
            ModelState.AddModelError(nameof(Body), DiscussionTexts.Refusal(S, outcome));
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }

        TempData["Done"] = outcome == DiscussionOutcome.Held
            ? (string)S["Your discussion was sent: the editors will read it before the others see it."] : (string)S["Your discussion is open."];
        return LocalRedirect(CultureLinks.Path(Request, Cultures.Current, $"discussions/{threadId}"));
    }
}
