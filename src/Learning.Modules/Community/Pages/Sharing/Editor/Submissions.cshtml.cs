using Learning.Modules.Accounts.Contracts;
using Learning.Modules.Community.Sharing;
using Learning.Modules.Core;
using Learning.Modules.Core.Security;
using Learning.Modules.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Learning.Modules.Community.Pages.Sharing.Editor;

/// <summary>The practices learners shared, newest first, with their status; each opens on its thread and its draft.</summary>
[Authorize(Policy = Roles.EditorPolicy)]
public sealed class SubmissionsModel(LearningDbContext db, SharedPractices sharing, UserDirectory directory) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public Pager Pager { get; private set; } = new(1, PageSize, 0);

    public IReadOnlyList<SubmissionView> Submissions { get; private set; } = [];

    public IReadOnlyDictionary<string, UserSummary> People { get; private set; } = new Dictionary<string, UserSummary>();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Pager = new Pager(PageNumber, PageSize, await db.PracticeSubmissions.CountAsync(cancellationToken));
        var submissions = await db.PracticeSubmissions.AsNoTracking().Include(s => s.Messages)
            .OrderByDescending(s => s.CreatedUtc).ThenByDescending(s => s.Id).Skip(Pager.Skip).Take(Pager.Size).ToListAsync(cancellationToken);
        Submissions = await sharing.ViewsAsync(submissions, Cultures.Current, cancellationToken);
        People = await directory.FindAsync(submissions.Where(s => s.UserId is not null).Select(s => s.UserId!).Distinct().ToList(), cancellationToken);
    }
}
