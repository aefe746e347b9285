using System.ComponentModel.DataAnnotations;
using Learning.Modules.Accounts.Contracts;
using Learning.Modules.Community.Sharing;
using Learning.Modules.Core;
using Learning.Modules.Core.Localization;
using Learning.Modules.Core.Security;
using Learning.Modules.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Learning.Modules.Community.Pages.Sharing.Editor;

/// <summary>One shared practice for the editors: what the learner sent, the thread (to which they write), the draft to open
/// in the practice editor, and "decline" with a reason the learner reads. Learners are shown by display name, never e-mail.</summary>
[Authorize(Policy = Roles.EditorPolicy)]
public sealed class SubmissionModel(LearningDbContext db, SharedPractices sharing, UserDirectory directory, IStringLocalizer<CommunityStrings> S) : PageModel
{
    [BindProperty]
    [StringLength(SharingLimits.MessageLength, ErrorMessage = "This is too long: {1} characters at most.")]
    [TypedText(Lines = true)]
    public string? Text { get; set; }

    [BindProperty]
    [StringLength(SharingLimits.ReasonLength, ErrorMessage = "This is too long: {1} characters at most.")]
    [TypedText(Lines = true)]
    public string? Reason { get; set; }

    public SubmissionView View { get; private set; } = null!;

    public IReadOnlyDictionary<string, string> Names { get; private set; } = new Dictionary<string, string>();

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostWriteAsync(int id, CancellationToken cancellationToken)
    {
        ModelState.Remove(nameof(Reason));
        var submission = await db.PracticeSubmissions.SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (submission is null)
        {
            return NotFound();
        }

        if (ModelState.IsValid && string.IsNullOrWhiteSpace(Text))
        {
            ModelState.AddModelError(nameof(Text), S["This field is required."]);
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(id, cancellationToken);
            return Page();
        }

        await sharing.WriteAsync(submission, User.UserId()!, fromEditor: true, Text!.Trim(), cancellationToken);
        Message = S["Your message is sent to the learner."];
        return Redirect(Here(id));
    }

    public async Task<IActionResult> OnPostDeclineAsync(int id, CancellationToken cancellationToken)
    {
        ModelState.Remove(nameof(Text));
        var submission = await db.PracticeSubmissions.SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (submission is null)
        {
            return NotFound();
        }

        if (ModelState.IsValid && string.IsNullOrWhiteSpace(Reason))
        {
            ModelState.AddModelError(nameof(Reason), S["Tell the learner why."]);
        }

        if (ModelState.IsValid && !await sharing.DeclineAsync(submission, Reason!.Trim(), cancellationToken))
        {
            ModelState.AddModelError(nameof(Reason), S["This practice is published: archive it in the practice editor first."]);
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(id, cancellationToken);
            return Page();
        }

        Message = S["The practice is declined; the learner sees your reason."];
        return Redirect(Here(id));
    }

    private string Here(int id) => CultureLinks.Path(Request, Cultures.Current, $"editor/submissions/{id}");

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var submission = await db.PracticeSubmissions.AsNoTracking().Include(s => s.Messages).SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (submission is null)
        {
            return false;
        }

        View = (await sharing.ViewsAsync([submission], Cultures.Current, cancellationToken)).Single();
        var people = submission.Messages.Where(m => m.AuthorId is not null).Select(m => m.AuthorId!).Append(submission.UserId).OfType<string>().Distinct().ToList();
        Names = (await directory.FindAsync(people, cancellationToken)).ToDictionary(p => p.Key, p => p.Value.DisplayName);
        return true;
    }
}
