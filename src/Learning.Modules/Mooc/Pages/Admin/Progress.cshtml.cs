using Learning.Modules.Accounts.Contracts;
using Learning.Modules.Core;
using Learning.Modules.Core.Security;
using Learning.Modules.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Learning.Modules.Mooc.Pages.Admin;

/// <summary>Administrators follow each enrolled learner: activities done per part and where they stopped,
/// searchable by person, with a link to their test attempts.</summary>
[Authorize(Policy = Roles.AdministratorPolicy)]
public sealed class ProgressModel(LearningDbContext db, Course course, UserDirectory directory) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")] // not "page": Razor Pages keeps that route value for itself
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<CoursePart> Parts { get; private set; } = [];

    public Pager Pager { get; private set; } = new(1, PageSize, 0);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Parts = await course.PartsAsync(Cultures.Current, cancellationToken);
        var enrolments = db.Enrolments.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Query))
        {
            var matching = await directory.SearchAsync(Query, cancellationToken);
            enrolments = enrolments.Where(e => matching.Contains(e.UserId));
        }

        Pager = new Pager(PageNumber, PageSize, await enrolments.CountAsync(cancellationToken));
        var page = await enrolments.OrderByDescending(e => e.EnrolledUtc).ThenBy(e => e.Id).Skip(Pager.Skip).Take(Pager.Size).ToListAsync(cancellationToken);
        var ids = page.Select(e => e.UserId).ToList();
        var people = await directory.FindAsync(ids, cancellationToken);
        // One grouped query for the whole page: activities done per learner and part.
        var done = await db.ActivityProgress.AsNoTracking().Where(p => ids.Contains(p.UserId) && p.CompletedUtc != null)
            .GroupBy(p => new { p.UserId, p.Part }).Select(g => new { g.Key.UserId, g.Key.Part, Count = g.Count() })
            .ToListAsync(cancellationToken);
        Rows = page.Select(e => new Row(people.GetValueOrDefault(e.UserId)?.DisplayName ?? "", people.GetValueOrDefault(e.UserId)?.Email ?? "", e.EnrolledUtc, e.LastActivity,
            Parts.ToDictionary(p => p.SetId, p => done.FirstOrDefault(d => d.UserId == e.UserId && d.Part == p.SetId)?.Count ?? 0))).ToList();
    }

    public sealed record Row(string Name, string Email, DateTime Enrolled, string? LastActivity, IReadOnlyDictionary<string, int> DoneByPart);
}
