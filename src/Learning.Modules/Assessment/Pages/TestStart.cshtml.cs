using Learning.Modules.Core;
using Learning.Modules.Core.Localization;
using Learning.Modules.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Learning.Modules.Assessment.Pages;

/// <summary>A part's validation test: its rules, the person's attempts, and the button to start or continue.</summary>
[Authorize]
public sealed class TestStartModel(LearningDbContext db, ValidationTests tests, IOptions<AssessmentOptions> options, UserManager<Accounts.LearningUser> users) : PageModel
{
    public int Part { get; private set; }

    public TestSettings Settings { get; private set; } = new();

    public IReadOnlyList<Attempt> Attempts { get; private set; } = [];

    public bool HasQuestions { get; private set; }

    public TestAvailability Availability { get; private set; } = new(false, null);

    public static string Bank(int part) => $"mooc/part-{part}/validation";

    public async Task OnGetAsync(int part, CancellationToken cancellationToken)
    {
        Part = part;
        Settings = options.Value.For(Bank(part));
        var userId = users.GetUserId(User)!;
        Attempts = await db.Attempts.AsNoTracking().Where(a => a.UserId == userId && a.Bank == Bank(part)).OrderByDescending(a => a.Number).ToListAsync(cancellationToken);
        HasQuestions = await db.BankQuestions.AnyAsync(q => q.Bank == Bank(part), cancellationToken);
        Availability = await tests.AvailabilityAsync(userId, Bank(part), cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(int part, CancellationToken cancellationToken)
    {
        var attempt = await tests.StartAsync(users.GetUserId(User)!, Bank(part), cancellationToken);
        if (attempt is null)
        {
            // No questions, or no retake allowed now: the page says which.
            return Redirect(CultureLinks.Path(Request, Cultures.Current, $"mooc/part-{part}/test"));
        }

        var answered = await db.AttemptAnswers.CountAsync(a => a.AttemptId == attempt.Id, cancellationToken);
        var next = Math.Min(answered, ValidationTests.QuestionNames(attempt).Count - 1);
        return Redirect(CultureLinks.Path(Request, Cultures.Current, $"mooc/attempts/{attempt.Id}/{next + 1}"));
    }
}
