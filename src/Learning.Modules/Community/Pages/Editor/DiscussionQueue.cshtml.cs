using System.ComponentModel.DataAnnotations;
using Learning.Modules.Community.Discussions;
using Learning.Modules.Core;
using Learning.Modules.Core.Security;
using Learning.Modules.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Learning.Modules.Community.Pages.Editor;

/// <summary>
/// The editors' moderation queue (<c>/{culture}/editor/discussions</c>): messages waiting for approval, and messages with
/// open reports (each report's reason), oldest first. Editors approve, hide with a reason its author reads, or dismiss the
/// reports; the thread page has the same actions and the others (restore, pin, lock).
/// </summary>
[Authorize(Policy = Roles.EditorPolicy)]
public sealed class DiscussionQueueModel(LearningDbContext db, DiscussionBoard board, DiscussionReader reader, IStringLocalizer<CommunityStrings> S) : PageModel
{
    public const int Shown = 100;

    [BindProperty]
    public int MessageId { get; set; }

    [BindProperty]
    [StringLength(MessageReport.ReasonLength, ErrorMessage = "This is too long: {1} characters at most.")]
    [TypedText(Lines = true)]
    public string? Reason { get; set; }

    public IReadOnlyList<QueueItem> Items { get; private set; } = [];

    public IReadOnlyDictionary<string, string> Names { get; private set; } = new Dictionary<string, string>();

    public int? Refused { get; private set; }

    [TempData]
    public string? Done { get; set; }

    public sealed record QueueItem(DiscussionMessage Message, string ThreadTitle, IReadOnlyList<MessageReport> Reports);

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public Task<IActionResult> OnPostApproveAsync(CancellationToken cancellationToken) =>
        ActAsync(() => board.ApproveAsync(User.UserId()!, MessageId, cancellationToken), S["The message is approved: everyone sees it."], cancellationToken);

    public Task<IActionResult> OnPostDismissAsync(CancellationToken cancellationToken) =>
        ActAsync(() => board.DismissReportsAsync(User.UserId()!, MessageId, cancellationToken), S["The reports are dismissed; the message stays."], cancellationToken);

    public async Task<IActionResult> OnPostHideAsync(CancellationToken cancellationToken)
    {
        var reason = DiscussionTexts.Trimmed(Reason);
        if (reason is null)
        {
            ModelState.AddModelError(nameof(Reason), S["Give the reason its author will read."]);
        }

        return await ActAsync(() => board.HideAsync(User.UserId()!, MessageId, reason!, cancellationToken), S["The message is hidden."], cancellationToken);
    }

    private async Task<IActionResult> ActAsync(Func<Task<DiscussionOutcome>> act, string done, CancellationToken cancellationToken)
    {
        if (!await db.DiscussionMessages.AnyAsync(m => m.Id == MessageId, cancellationToken))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            Refused = MessageId;
            await LoadAsync(cancellationToken);
            return Page();
        }

        var outcome = await act();
        if (outcome != DiscussionOutcome.Done)
        {
            Refused = MessageId;
            ModelState.AddModelError(nameof(Reason), DiscussionTexts.Refusal(S, outcome));
            await LoadAsync(cancellationToken);
            return Page();
        }

        Done = done;
        return LocalRedirect(Request.PathBase + Request.Path);
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var reports = await db.MessageReports.AsNoTracking().Where(r => r.ResolvedUtc == null).OrderBy(r => r.CreatedUtc).ThenBy(r => r.Id)
            .Take(Shown * 5).ToListAsync(cancellationToken);
        var reported = reports.Select(r => r.MessageId).Distinct().ToList();
        var messages = await db.DiscussionMessages.AsNoTracking()
            .Where(m => m.Status == MessageStatus.Held || reported.Contains(m.Id))
            .Join(db.DiscussionThreads, m => m.ThreadId, t => t.Id, (m, t) => new { Message = m, t.Title })
            .OrderBy(x => x.Message.CreatedUtc).ThenBy(x => x.Message.Id).Take(Shown).ToListAsync(cancellationToken);
        Items = messages.Select(x => new QueueItem(x.Message, x.Title, reports.Where(r => r.MessageId == x.Message.Id).ToList())).ToList();
        Names = await reader.NamesAsync(Items.Select(i => i.Message.AuthorId).Concat(reports.Select(r => (string?)r.ReporterId)), cancellationToken);
    }

    public string Html(string body) => reader.Html(body);
}
