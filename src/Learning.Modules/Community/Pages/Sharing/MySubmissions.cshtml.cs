using System.ComponentModel.DataAnnotations;
using Learning.Modules.Community.Sharing;
using Learning.Modules.Core;
using Learning.Modules.Core.Localization;
using Learning.Modules.Core.Security;
using Learning.Modules.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Learning.Modules.Community.Pages.Sharing;

/// <summary>"My shared practices": the signed-in learner's submissions, where each stands, the thread with the editors (to
/// which they answer), and the credit by name, which they may give or withdraw. Only their own: another's id is not found.</summary>
public sealed class MySubmissionsModel(LearningDbContext db, SharedPractices sharing, IStringLocalizer<CommunityStrings> S) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "This field is required.")]
    [StringLength(SharingLimits.MessageLength, ErrorMessage = "This is too long: {1} characters at most.")]
    [TypedText(Lines = true)]
    public string? Text { get; set; }

    [BindProperty]
    public bool Credit { get; set; }

    public IReadOnlyList<SubmissionView> Submissions { get; private set; } = [];

    /// <summary>The submission whose message was refused, shown with what was typed and why.</summary>
    public int? Refused { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostReplyAsync(int id, CancellationToken cancellationToken)
    {
        var submission = await OwnAsync(id, cancellationToken);
        if (submission is null)
        {
            return NotFound();
        }

        if (!ModelState.IsValid || string.IsNullOrWhiteSpace(Text))
        {
            if (ModelState.IsValid)
            {
                ModelState.AddModelError(nameof(Text), S["This field is required."]);
            }

            Refused = id;
            await LoadAsync(cancellationToken);
            return Page();
        }

        await sharing.WriteAsync(submission, User.UserId()!, fromEditor: false, Text!.Trim(), cancellationToken);
        Message = S["Your message is sent to the editors."];
        return Redirect(Here(id));
    }

    public async Task<IActionResult> OnPostCreditAsync(int id, CancellationToken cancellationToken)
    {
        ModelState.Remove(nameof(Text));
        var submission = await OwnAsync(id, cancellationToken);
        if (submission is null)
        {
            return NotFound();
        }

        // The page posts "true" or "false" from a hidden field: anything else is a tampered form.
        if (!ModelState.IsValid)
        {
            return BadRequest();
        }

        await sharing.SetCreditAsync(submission, Credit, cancellationToken);
        Message = Credit ? S["The published sheet credits you by name."] : S["Your name no longer appears on the published sheet."];
        return Redirect(Here(id));
    }

    private Task<PracticeSubmission?> OwnAsync(int id, CancellationToken cancellationToken)
    {
        var userId = User.UserId();
        return db.PracticeSubmissions.SingleOrDefaultAsync(s => s.Id == id && s.UserId == userId, cancellationToken);
    }

    private string Here(int id) => CultureLinks.Path(Request, Cultures.Current, "share/mine") + "#submission-" + id;

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var userId = User.UserId();
        var submissions = await db.PracticeSubmissions.AsNoTracking().Include(s => s.Messages)
            .Where(s => s.UserId == userId).OrderByDescending(s => s.CreatedUtc).ThenByDescending(s => s.Id).ToListAsync(cancellationToken);
        Submissions = await sharing.ViewsAsync(submissions, Cultures.Current, cancellationToken);
    }
}
