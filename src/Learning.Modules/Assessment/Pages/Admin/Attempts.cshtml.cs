using Learning.Modules.Accounts.Contracts;
using Learning.Modules.Core;
using Learning.Modules.Core.Security;
using Learning.Modules.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Learning.Modules.Assessment.Pages.Admin;

/// <summary>Administrators follow learners: each attempt, its progress or grade, newest first, searchable by person.</summary>
[Authorize(Policy = Roles.AdministratorPolicy)]
public sealed class AttemptsModel(LearningDbContext db, UserDirectory directory) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")] // not "page": Razor Pages keeps that route value for itself
    public int PageNumber { get; set; } = 1;

    public Pager Pager { get; private set; } = new(1, PageSize, 0);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var attempts = db.Attempts.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Query))
        {
            var matching = await directory.SearchAsync(Query, cancellationToken);
            attempts = attempts.Where(a => matching.Contains(a.UserId));
        }

        Pager = new Pager(PageNumber, PageSize, await attempts.CountAsync(cancellationToken));
        var page = await attempts.OrderByDescending(a => a.Id).Skip(Pager.Skip).Take(Pager.Size)
            .Select(a => new { a.UserId, a.Bank, a.Number, a.StartedUtc, a.SubmittedUtc, a.Score, a.MaxScore, a.Passed, a.Questions, Answered = a.Answers.Count })
            .ToListAsync(cancellationToken);
        var people = await directory.FindAsync(page.Select(a => a.UserId).Distinct().ToList(), cancellationToken);
        Rows = page.Select(a => new Row(people.GetValueOrDefault(a.UserId)?.DisplayName ?? "", people.GetValueOrDefault(a.UserId)?.Email ?? "", a.Bank, a.Number,
            a.StartedUtc, a.SubmittedUtc, a.Answered, Examiner.QuestionNames(a.Questions).Count, a.Score, a.MaxScore ?? Examiner.QuestionNames(a.Questions).Count, a.Passed)).ToList();
    }

    public sealed record Row(string Name, string Email, string Bank, int Number, DateTime Started, DateTime? Submitted, int Answered, int Questions, decimal? Score, decimal Marks, bool? Passed);
}
