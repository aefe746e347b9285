using System.ComponentModel.DataAnnotations;
using Learning.Modules.Community.Discussions;
using Learning.Modules.Content;
using Learning.Modules.Core;
using Learning.Modules.Core.Security;
using Learning.Modules.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Learning.Modules.Community.Pages.Discussions;

/// <summary>
/// A thread (<c>/{culture}/discussions/{id}</c>): the question, the pinned answer, the replies, each with its author's
/// display name, "edited", "message deleted" or the editors' note. Signed-in people reply (quoting a message with
/// <c>?quote=</c>), delete their own messages and report others'; editors hide and restore messages with a reason, approve
/// held ones, pin an answer and lock the thread. Visitors read it unless the tenant keeps discussions to members.
/// </summary>
[AllowAnonymous]
public sealed class ThreadPageModel(DiscussionReader reader, DiscussionBoard board, DiscussionPlaces places, DiscussionSettingsStore settings, LearningDbContext db,
    IAuthorizationService authorization, MarkdownRenderer markdown, IStringLocalizer<CommunityStrings> S) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int Id { get; set; }

    /// <summary>The message a reply quotes.</summary>
    [BindProperty(SupportsGet = true, Name = "quote")]
    public int? QuoteId { get; set; }

    [BindProperty]
    [StringLength(DiscussionMessage.BodyLength, ErrorMessage = "This is too long: {1} characters at most.")]
    [TypedText(Lines = true)]
    public string? Body { get; set; }

    [BindProperty]
    public int MessageId { get; set; }

    /// <summary>A report's reason, or the editors' reason for hiding or restoring.</summary>
    [BindProperty]
    [StringLength(MessageReport.ReasonLength, ErrorMessage = "This is too long: {1} characters at most.")]
    [TypedText(Lines = true)]
    public string? Reason { get; set; }

    public ThreadView? View { get; private set; }

    public DiscussionPlace? Place { get; private set; }

    public bool Editor { get; private set; }

    /// <summary>The quoted message's view, above the reply form.</summary>
    public MessageView? Quoted { get; private set; }

    /// <summary>The message whose form was refused (its report or moderation), shown with its message.</summary>
    public int? Refused { get; private set; }

    /// <summary>What was done, said once after the redirect.</summary>
    [TempData]
    public string? Done { get; set; }

    public DiscussionBoard Board => board;

    /// <summary>Whether the signed-in reader follows the thread.</summary>
    public bool Following { get; private set; }

    /// <summary>The page of replies asked for (<c>?p=</c>); posts answer on the page of the message they concern.</summary>
    private int pageNumber = 1;

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "p")] int? p, CancellationToken cancellationToken)
    {
        pageNumber = p ?? 1;
        if (await ShowAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        if (Following)
        {
            await board.MarkReadAsync(User.UserId()!, Id, cancellationToken);
        }

        return Page();
    }

    /// <summary>Follows the thread (<c>follow=True</c>) or stops following it.</summary>
    public async Task<IActionResult> OnPostFollowAsync(bool follow, CancellationToken cancellationToken)
    {
        if (await GuardAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        await board.FollowAsync(User.UserId()!, Editor, Id, follow, cancellationToken);
        Done = follow ? S["You follow this discussion: its new replies are listed under Followed discussions."] : S["You no longer follow this discussion."];
        return LocalRedirect(Request.PathBase + Request.Path);
    }

    public async Task<IActionResult> OnPostReplyAsync(CancellationToken cancellationToken)
    {
        if (await GuardAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        // A quote the form never offers (not a number): a tampered post, answered like an unknown message.
        if (Request.HasFormContentType && Request.Form.TryGetValue("quote", out var quote)
            && (quote.Count != 1 || !int.TryParse(quote[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _)))
        {
            return NotFound();
        }

        var body = DiscussionTexts.Trimmed(Body);
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
            return await ShowAsync(cancellationToken) ?? Page();
        }

        var (outcome, messageId) = await board.ReplyAsync(User.UserId()!, Editor, Id, QuoteId, body!, cancellationToken);
        if (outcome is DiscussionOutcome.NotFound)
        {
            return NotFound();
        }

        if (outcome is not (DiscussionOutcome.Done or DiscussionOutcome.Held))
        {
            ModelState.AddModelError(nameof(Body), DiscussionTexts.Refusal(S, outcome));
            return await RefuseAsync(outcome, cancellationToken);
        }

        Done = outcome == DiscussionOutcome.Held ? S["Your message was sent: the editors will read it before the others see it."] : S["Your reply was posted."];
        return LocalRedirect(await MessageLinkAsync(messageId, cancellationToken));
    }

    public Task<IActionResult> OnPostDeleteAsync(CancellationToken cancellationToken) =>
        ActAsync(false, () => board.DeleteAsync(User.UserId()!, MessageId, cancellationToken), S["Your message was deleted."], cancellationToken);

    public async Task<IActionResult> OnPostReportAsync(CancellationToken cancellationToken)
    {
        var reason = DiscussionTexts.Trimmed(Reason);
        if (reason is null)
        {
            ModelState.AddModelError(nameof(Reason), S["Say why you report this message."]);
        }

        return await ActAsync(false, () => board.ReportAsync(User.UserId()!, Editor, MessageId, reason!, cancellationToken),
            S["Thank you: the editors will look at this message."], cancellationToken);
    }

    public async Task<IActionResult> OnPostHideAsync(CancellationToken cancellationToken)
    {
        var reason = DiscussionTexts.Trimmed(Reason);
        if (reason is null)
        {
            ModelState.AddModelError(nameof(Reason), S["Give the reason its author will read."]);
        }

        return await ActAsync(true, () => board.HideAsync(User.UserId()!, MessageId, reason!, cancellationToken), S["The message is hidden."], cancellationToken);
    }

    public Task<IActionResult> OnPostRestoreAsync(CancellationToken cancellationToken) =>
        ActAsync(true, () => board.RestoreAsync(User.UserId()!, MessageId, DiscussionTexts.Trimmed(Reason), cancellationToken), S["The message is shown again."], cancellationToken);

    public Task<IActionResult> OnPostApproveAsync(CancellationToken cancellationToken) =>
        ActAsync(true, () => board.ApproveAsync(User.UserId()!, MessageId, cancellationToken), S["The message is approved: everyone sees it."], cancellationToken);

    /// <summary>Pins <see cref="MessageId"/>, or unpins with 0.</summary>
    public async Task<IActionResult> OnPostPinAsync(CancellationToken cancellationToken)
    {
        if (await GuardAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        if (!Editor)
        {
            return Forbid();
        }

        if (await board.PinAsync(Id, MessageId == 0 ? null : MessageId, cancellationToken) != DiscussionOutcome.Done)
        {
            return NotFound();
        }

        Done = MessageId == 0 ? S["The answer is no longer pinned."] : S["The answer is pinned: it is shown first."];
        return LocalRedirect(Request.PathBase + Request.Path);
    }

    public async Task<IActionResult> OnPostLockAsync(bool locked, CancellationToken cancellationToken)
    {
        if (await GuardAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        if (!Editor)
        {
            return Forbid();
        }

        await board.LockAsync(Id, locked, cancellationToken);
        Done = locked ? S["The discussion is locked."] : S["The discussion is open to replies again."];
        return LocalRedirect(Request.PathBase + Request.Path);
    }

    /// <summary>An action on one message of this thread: <see cref="MessageId"/> must be one of its messages.</summary>
    private async Task<IActionResult> ActAsync(bool editorsOnly, Func<Task<DiscussionOutcome>> act, string done, CancellationToken cancellationToken)
    {
        if (await GuardAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        if (editorsOnly && !Editor)
        {
            return Forbid();
        }

        if (!await db.DiscussionMessages.AnyAsync(m => m.Id == MessageId && m.ThreadId == Id, cancellationToken))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            Refused = MessageId;
            return await ShowAsync(cancellationToken) ?? Page();
        }

        var outcome = await act();
        if (outcome == DiscussionOutcome.NotFound)
        {
            return NotFound();
        }

        if (outcome != DiscussionOutcome.Done)
        {
            Refused = MessageId;
            ModelState.AddModelError(nameof(Reason), DiscussionTexts.Refusal(S, outcome));
            return await RefuseAsync(outcome, cancellationToken);
        }

        Done = done;
        return LocalRedirect(await MessageLinkAsync(MessageId, cancellationToken));
    }

    /// <summary>A post needs a signed-in person who can read the thread.</summary>
    private async Task<IActionResult?> GuardAsync(CancellationToken cancellationToken)
    {
        if (User.UserId() is null)
        {
            return Challenge();
        }

        Editor = (await authorization.AuthorizeAsync(User, Roles.EditorPolicy)).Succeeded;
        return await db.DiscussionThreads.AsNoTracking().SingleOrDefaultAsync(t => t.Id == Id, cancellationToken) is { } thread
            && DiscussionBoard.CanRead(thread, User.UserId(), Editor) ? null : NotFound();
    }

    private async Task<IActionResult> RefuseAsync(DiscussionOutcome outcome, CancellationToken cancellationToken)
    {
        var shown = await ShowAsync(cancellationToken);
        if (shown is null && outcome is DiscussionOutcome.TooManyForPerson or DiscussionOutcome.TooManyForTenant)
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
        }

        return shown ?? Page();
    }

    private async Task<IActionResult?> ShowAsync(CancellationToken cancellationToken)
    {
        var userId = User.UserId();
        if (userId is null && (await settings.GetAsync(cancellationToken)).MembersOnly)
        {
            return Challenge();
        }

        Editor = userId is not null && (await authorization.AuthorizeAsync(User, Roles.EditorPolicy)).Succeeded;
        // A refused form is shown on the page of its message, with its message.
        var page = Refused is { } refused ? await reader.PageOfAsync(Id, refused, userId, Editor, cancellationToken) : pageNumber;
        View = await reader.ThreadAsync(Id, userId, Editor, page, cancellationToken);
        if (View is null)
        {
            return NotFound();
        }

        Following = userId is not null && await reader.FollowsAsync(userId, Id, cancellationToken);
        Place = await places.FindAsync(View.Thread.PlaceKind, View.Thread.PlaceId, Cultures.Current, cancellationToken);
        Quoted = QuoteId is { } quote ? await reader.QuotableAsync(Id, quote, userId, cancellationToken) : null;
        if (Quoted is null)
        {
            QuoteId = null;
        }

        return null;
    }

    /// <summary>The thread's address on the page that shows the message, at the message.</summary>
    private async Task<string> MessageLinkAsync(int messageId, CancellationToken cancellationToken)
    {
        var page = await reader.PageOfAsync(Id, messageId, User.UserId(), Editor, cancellationToken);
        return Request.PathBase + Request.Path + (page > 1 ? $"?p={page}" : "") + "#message-" + messageId;
    }

    /// <summary>A message's text as HTML (Content's Markdown pipeline: raw HTML off, only safe links).</summary>
    public string Html(string body) => reader.Html(body);
}
