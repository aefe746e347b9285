using Learning.Modules.Assessment.Contracts;
using Learning.Modules.Core;
using Learning.Modules.Core.Localization;
using Learning.Modules.Core.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Learning.Modules.Mooc.Pages;

/// <summary>A part's validation test: its rules, the person's attempts, and the button to start or continue.
/// The attempt itself runs on Assessment's pages, which lead back here.</summary>
[Authorize]
public sealed class PartTestModel(Course course, TestCenter tests) : PageModel
{
    public CoursePart Part { get; private set; } = null!;

    public TestOverview Test { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string part, CancellationToken cancellationToken)
    {
        if (await course.PartAsync(part, Cultures.Current, cancellationToken) is not { TestBank: { } bank } found)
        {
            return NotFound();
        }

        Part = found;
        Test = await tests.OverviewAsync(User.UserId()!, bank, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string part, CancellationToken cancellationToken)
    {
        if (await course.PartAsync(part, Cultures.Current, cancellationToken) is not { TestBank: { } bank })
        {
            return NotFound();
        }

        // No questions, or no retake allowed now: back to this page, which says which.
        var question = await tests.StartAsync(User.UserId()!, bank, cancellationToken);
        return Redirect(CultureLinks.Path(Request, Cultures.Current, question ?? PartTests.PagePath(part)));
    }
}
