using System.ComponentModel.DataAnnotations;
using Learning.Modules.Community.Discussions;
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

namespace Learning.Modules.Community.Pages.Discussions;

/// <summary>The author edits their message (and the title, for a thread's first message) within the time the installation
/// allows (<c>Learning:Community:EditMinutes</c>); the thread then shows it as "edited". Someone else's message is not found.</summary>
public sealed class EditMessageModel(LearningDbContext db, DiscussionBoard board, DiscussionReader reader, MarkdownRenderer markdown,
    IAuthorizationService authorization, IStringLocalizer<CommunityStrings> S) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int Id { get; set; }

    [BindProperty]
    [StringLength(DiscussionPlaces.TitleLength, ErrorMessage = "This is too long: {1} characters at most.")]
    [TypedText]
    public string? Title { get; set; }

    [BindProperty]
    [StringLength(DiscussionMessage.BodyLength, ErrorMessage = "This is too long: {1} characters at most.")]
    [TypedText(Lines = true)]
    public string? Body { get; set; }

    public DiscussionMessage? Message { get; private set; }

    /// <summary>Why it can no longer be edited, when so.</summary>
    public string? Closed { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } missing)
        {
            return missing;
        }

        Body = Message!.Body;
        Title = Message.Opening ? await db.DiscussionThreads.Where(t => t.Id == Message.ThreadId).Select(t => t.Title).SingleAsync(cancellationToken) : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } missing)
        {
            return missing;
        }

        var body = DiscussionTexts.Trimmed(Body);
        var title = DiscussionTexts.Trimmed(Title);
        if (body is null)
        {
            ModelState.AddModelError(nameof(Body), S["Write your message."]);
        }
        else if (DiscussionTexts.Unreadable(S, markdown, body) is { } unreadable)
        {
            ModelState.AddModelError(nameof(Body), unreadable);
        }

        if (Message!.Opening && title is null)
        {
            ModelState.AddModelError(nameof(Title), S["Give the discussion a title."]);
        }

        if (!ModelState.IsValid || Closed is not null)
        {
            return Page();
        }

        var outcome = await board.EditAsync(User.UserId()!, Id, body!, Message.Opening ? title : null, cancellationToken);
        if (outcome != DiscussionOutcome.Done)
        {
            Closed = DiscussionTexts.Refusal(S, outcome);
            return Page();
        }

        TempData["Done"] = (string)S["Your message was changed."];
        var editor = (await authorization.AuthorizeAsync(User, Roles.EditorPolicy)).Succeeded;
        var page = await reader.PageOfAsync(Message.ThreadId, Id, User.UserId(), editor, cancellationToken);
        return LocalRedirect(CultureLinks.Path(Request, Cultures.Current, $"discussions/{Message.ThreadId}") + (page > 1 ? $"?p={page}" : "") + "#message-" + Id);
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        Message = await db.DiscussionMessages.AsNoTracking().SingleOrDefaultAsync(m => m.Id == Id && m.AuthorId == User.UserId(), cancellationToken);
        if (Message is null)
        {
            return NotFound();
        }

        Closed = Message.DeletedUtc is not null || Message.Status == MessageStatus.Hidden ? DiscussionTexts.Refusal(S, DiscussionOutcome.Gone)
            : !board.CanStillEdit(Message) ? DiscussionTexts.Refusal(S, DiscussionOutcome.TooLate) : null;
        return null;
    }
}
