using Learning.Modules.Accounts;
using Learning.Modules.Core.Security;
using Learning.Modules.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Learning.Modules.Assessment.Pages.Admin;

/// <summary>Administrators follow learners: each attempt, its progress or grade, newest first, searchable by person.</summary>
[Authorize(Policy = Roles.AdministratorPolicy)]
public sealed class AttemptsModel(LearningDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var attempts = db.Attempts.AsNoTracking().Join(db.Users, a => a.UserId, u => u.Id, (a, u) => new { Attempt = a, u.DisplayName, u.Email, u.NormalizedEmail });
        if (!string.IsNullOrWhiteSpace(Query))
        {
            var term = Query.Trim().ToUpperInvariant();
            attempts = attempts.Where(x => x.NormalizedEmail!.Contains(term) || x.DisplayName.ToUpper().Contains(term));
        }

        var page = await attempts.OrderByDescending(x => x.Attempt.Id).Take(200)
            .Select(x => new { x.DisplayName, x.Email, x.Attempt.Bank, x.Attempt.Number, x.Attempt.StartedUtc, x.Attempt.SubmittedUtc, x.Attempt.Score, x.Attempt.Passed, x.Attempt.Questions, Answered = x.Attempt.Answers.Count })
            .ToListAsync(cancellationToken);
        Rows = page.Select(x => new Row(x.DisplayName, x.Email ?? "", x.Bank, x.Number, x.StartedUtc, x.SubmittedUtc, x.Answered,
            System.Text.Json.JsonSerializer.Deserialize<List<string>>(x.Questions)!.Count, x.Score, x.Passed)).ToList();
    }

    public sealed record Row(string Name, string Email, string Bank, int Number, DateTime Started, DateTime? Submitted, int Answered, int Questions, decimal? Score, bool? Passed);
}
