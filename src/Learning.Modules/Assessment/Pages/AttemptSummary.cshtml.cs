using System.Text.Json;
using Learning.Modules.Assessment.Contracts;
using Learning.Modules.Assessment.Questions;
using Learning.Modules.Core;
using Learning.Modules.Core.Localization;
using Learning.Modules.Core.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Learning.Modules.Assessment.Pages;

/// <summary>Before submission, what is answered and the submit button; after, the grade and the review of each question.</summary>
[Authorize]
public sealed class AttemptSummaryModel(Examiner examiner, QuestionBanks banks, IEnumerable<ITestOwner> owners, IOptions<AssessmentOptions> options, IStringLocalizer<AssessmentStrings> S) : PageModel
{
    public Attempt Attempt { get; private set; } = null!;

    public IReadOnlyList<(Question Question, Response? Response, decimal? Score)> Items { get; private set; } = [];

    /// <summary>Whether the review shows the right answers and the feedback (<see cref="TestSettings.ShowRightAnswers"/>).</summary>
    public bool ShowRightAnswers { get; private set; }

    public RightAnswers Policy { get; private set; }

    /// <summary>The test's name and the page that gives it, from the module whose test it is.</summary>
    public TestPlace Place { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (await examiner.FindWithoutAnswersAsync(id, User.UserId()!, cancellationToken) is null)
        {
            return NotFound();
        }

        // Graded once, however many times this is posted.
        await examiner.SubmitAsync(id, cancellationToken);
        return Redirect(CultureLinks.Path(Request, Cultures.Current, TestPaths.Attempt(id)));
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var attempt = await examiner.FindAsync(id, User.UserId()!, cancellationToken);
        if (attempt is null)
        {
            return false;
        }

        Attempt = attempt;
        ShowRightAnswers = await examiner.ShowsRightAnswersAsync(attempt, cancellationToken);
        Policy = options.Value.For(attempt.Bank).ShowRightAnswers;
        Place = owners.Select(o => o.Describe(attempt.Bank)).FirstOrDefault(p => p is not null) ?? new TestPlace(S["Test"], "");
        var questions = await banks.LoadAsync(attempt.Bank, Cultures.Current, cancellationToken);
        Items = Examiner.QuestionNames(attempt).Select((name, position) =>
        {
            var answer = attempt.Answers.FirstOrDefault(a => a.Position == position);
            return (questions[name], answer is null ? null : JsonSerializer.Deserialize<Response>(answer.Response, QuestionBanks.Json), answer?.Score);
        }).ToList();
        return true;
    }
}
