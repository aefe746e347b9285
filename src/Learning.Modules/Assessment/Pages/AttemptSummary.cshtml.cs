using System.Text.Json;
using Learning.Modules.Assessment.Questions;
using Learning.Modules.Core;
using Learning.Modules.Core.Localization;
using Learning.Modules.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Learning.Modules.Assessment.Pages;

/// <summary>Before submission, what is answered and the submit button; after, the grade and the review of each question.</summary>
[Authorize]
public sealed class AttemptSummaryModel(LearningDbContext db, ValidationTests tests, QuestionBanks banks, UserManager<Accounts.LearningUser> users) : PageModel
{
    public Attempt Attempt { get; private set; } = null!;

    public IReadOnlyList<(Question Question, Response? Response, decimal? Score)> Items { get; private set; } = [];

    public int Part => int.TryParse(Attempt.Bank.Split('/')[1].Replace("part-", ""), out var part) ? part : 1;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        var userId = users.GetUserId(User);
        if (!await db.Attempts.AnyAsync(a => a.Id == id && a.UserId == userId, cancellationToken))
        {
            return NotFound();
        }

        // Graded once, however many times this is posted.
        await tests.SubmitAsync(id, cancellationToken);
        return Redirect(CultureLinks.Path(Request, Cultures.Current, $"mooc/attempts/{id}"));
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var userId = users.GetUserId(User);
        var attempt = await db.Attempts.AsNoTracking().Include(a => a.Answers).SingleOrDefaultAsync(a => a.Id == id && a.UserId == userId, cancellationToken);
        if (attempt is null)
        {
            return false;
        }

        Attempt = attempt;
        var questions = await banks.LoadAsync(attempt.Bank, Cultures.Current, cancellationToken);
        Items = ValidationTests.QuestionNames(attempt).Select((name, position) =>
        {
            var answer = attempt.Answers.FirstOrDefault(a => a.Position == position);
            return (questions[name], answer is null ? null : JsonSerializer.Deserialize<Response>(answer.Response, QuestionBanks.Json), answer?.Score);
        }).ToList();
        return true;
    }
}
