using Learning.Modules.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Learning.Modules.Assessment.Pages;

/// <summary>The MOOC's four validation tests, with where the signed-in person stands in each.</summary>
[AllowAnonymous]
public sealed class MoocTestsModel(LearningDbContext db, UserManager<Accounts.LearningUser> users) : PageModel
{
    public IReadOnlyList<(int Part, bool Passed, int Attempts)> Parts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = users.GetUserId(User);
        var attempts = userId is null ? [] : await db.Attempts.AsNoTracking()
            .Where(a => a.UserId == userId && a.SubmittedUtc != null)
            .Select(a => new { a.Bank, a.Passed })
            .ToListAsync(cancellationToken);
        Parts = Enumerable.Range(1, 4).Select(part => (part,
            attempts.Any(a => a.Bank == TestStartModel.Bank(part) && a.Passed == true),
            attempts.Count(a => a.Bank == TestStartModel.Bank(part)))).ToList();
    }
}
