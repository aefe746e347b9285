using Learning.Modules.Accounts;
using Learning.Modules.Core.Security;
using Learning.Modules.Core;
using Learning.Modules.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Learning.Modules.Mooc.Pages.Admin;

/// <summary>Administrators follow each enrolled learner: activities done per part and where they stopped,
/// searchable by person, with a link to their test attempts.</summary>
[Authorize(Policy = Roles.AdministratorPolicy)]
public sealed class ProgressModel(LearningDbContext db, Course course) : PageModel
{
    private const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<CoursePart> Parts { get; private set; } = [];

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public int Total { get; private set; }

    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Parts = await course.PartsAsync(Cultures.Current, cancellationToken);
        var learners = db.Enrolments.AsNoTracking().Join(db.Users, e => e.UserId, u => u.Id, (e, u) => new { Enrolment = e, u.DisplayName, u.Email, u.NormalizedEmail });
        if (!string.IsNullOrWhiteSpace(Query))
        {
            var term = Query.Trim().ToUpperInvariant();
            learners = learners.Where(x => x.NormalizedEmail!.Contains(term) || x.DisplayName.ToUpper().Contains(term));
        }

        Total = await learners.CountAsync(cancellationToken);
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        var page = await learners.OrderByDescending(x => x.Enrolment.EnrolledUtc).Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(x => new { x.Enrolment.UserId, x.DisplayName, x.Email, x.Enrolment.EnrolledUtc, x.Enrolment.LastPart, x.Enrolment.LastActivity })
            .ToListAsync(cancellationToken);
        var ids = page.Select(x => x.UserId).ToList();
        // One grouped query for the whole page: activities done per learner and part.
        var done = await db.ActivityProgress.AsNoTracking().Where(p => ids.Contains(p.UserId) && p.CompletedUtc != null)
            .GroupBy(p => new { p.UserId, p.Part }).Select(g => new { g.Key.UserId, g.Key.Part, Count = g.Count() })
            .ToListAsync(cancellationToken);
        Rows = page.Select(x => new Row(x.DisplayName, x.Email ?? "", x.EnrolledUtc, x.LastActivity,
            Parts.ToDictionary(p => p.SetId, p => done.FirstOrDefault(d => d.UserId == x.UserId && d.Part == p.SetId)?.Count ?? 0))).ToList();
    }

    public sealed record Row(string Name, string Email, DateTime Enrolled, string? LastActivity, IReadOnlyDictionary<string, int> DoneByPart);
}
