using Learning.Modules.Core;
using Learning.Modules.Core.Localization;
using Learning.Modules.Core.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Learning.Modules.Mooc.Pages;

/// <summary>The optional positioning quiz: the learner ticks what they already feel at ease with, and the parts
/// with a statement left unticked are suggested as the ones to start with.</summary>
[Authorize]
public sealed class PositioningModel(Course course, CourseProgress progress) : PageModel
{
    public IReadOnlyList<CoursePart> Parts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await progress.LearnerAsync(User.UserId()!, cancellationToken) is null)
        {
            return Redirect(CultureLinks.Path(Request, Cultures.Current, "mooc"));
        }

        Parts = (await course.PartsAsync(Cultures.Current, cancellationToken)).Where(p => p.Content.Positioning.Count > 0).ToList();
        return Page();
    }

    /// <summary>Each ticked box is "part-2:1" (the second statement of part 2); anything else is ignored.</summary>
    public async Task<IActionResult> OnPostAsync(string[] confident, CancellationToken cancellationToken)
    {
        var userId = User.UserId()!;
        if (await progress.LearnerAsync(userId, cancellationToken) is null)
        {
            return Redirect(CultureLinks.Path(Request, Cultures.Current, "mooc"));
        }

        var ticked = confident.ToHashSet();
        var parts = await course.PartsAsync(Cultures.Current, cancellationToken);
        var suggested = parts.Where(p => Enumerable.Range(0, p.Content.Positioning.Count).Any(i => !ticked.Contains($"{p.SetId}:{i}"))).Select(p => p.SetId);
        await progress.SuggestAsync(userId, suggested, cancellationToken);
        return Redirect(CultureLinks.Path(Request, Cultures.Current, "mooc"));
    }
}
