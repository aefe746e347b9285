using Learning.Modules.Content;
using Learning.Modules.Core;
using Learning.Modules.Core.Localization;
using Learning.Modules.Core.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Learning.Modules.Mooc.Pages;

/// <summary>The course: its parts with a progress bar each, enrolment in one click, and "continue".</summary>
[AllowAnonymous]
[OutputCache(PolicyName = ContentCachePolicy.Name)]
public sealed class CoursePageModel(Course course, CourseProgress progress) : PageModel
{
    public IReadOnlyList<CoursePart> Parts { get; private set; } = [];

    public Enrolment? Enrolment { get; private set; }

    public IReadOnlyList<PartStanding> Standings { get; private set; } = [];

    public (CoursePart Part, Activity? Activity)? Next { get; private set; }

    public IReadOnlySet<string> Suggested { get; private set; } = new HashSet<string>();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Parts = await course.PartsAsync(Cultures.Current, cancellationToken);
        if (User.UserId()! is not { } userId || await progress.LearnerAsync(userId, cancellationToken) is not { } learner)
        {
            return;
        }

        Enrolment = learner.Enrolment;
        Standings = CourseProgress.Standings(learner, Parts);
        Next = CourseProgress.Next(Standings, learner);
        Suggested = (learner.Enrolment.SuggestedParts ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet();
    }

    public async Task<IActionResult> OnPostEnrolAsync(CancellationToken cancellationToken)
    {
        if (User.UserId()! is not { } userId)
        {
            return Challenge();
        }

        await progress.EnrolAsync(userId, cancellationToken);
        return Redirect(CultureLinks.Path(Request, Cultures.Current, "mooc"));
    }

    /// <summary>The address of an activity, of a part's test, or of the part.</summary>
    public string Link(CoursePart part, Activity? activity) => CultureLinks.Path(Request, Cultures.Current,
        activity is not null ? $"mooc/{part.SetId}/activities/{activity.Id}" : part.TestBank is not null ? PartTests.PagePath(part.SetId) : $"mooc/{part.SetId}");
}
