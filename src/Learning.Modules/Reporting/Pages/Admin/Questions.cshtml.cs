using Learning.Modules.Assessment.Contracts;
using Learning.Modules.Core;
using Learning.Modules.Core.Security;
using Learning.Modules.Reporting.Facts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Learning.Modules.Reporting.Pages.Admin;

/// <summary>Administrators see which questions of a test fail: each question's item analysis, on the learners'
/// first attempts (as partners compare with Moodle) or on all of them, with the questions to check flagged; read from
/// Reporting's facts, as of their last refresh.</summary>
[Authorize(Policy = Roles.AdministratorPolicy)]
public sealed class QuestionsModel(TestResults results, BankAnalyses analyses, FactsRefresh refresh, IOptions<ReportingOptions> options) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Bank { get; set; }

    /// <summary>"all" for every attempt; otherwise each learner's first.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Attempts { get; set; }

    public bool AllAttempts => Attempts == "all";

    public IReadOnlyList<string> Banks { get; private set; } = [];

    public IReadOnlyList<QuestionStatistics> Statistics { get; private set; } = [];

    /// <summary>The language of the preview the questions link to: the page's when the bank has it, else French.</summary>
    public string PreviewLanguage { get; private set; } = Cultures.Default;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Banks = await results.BanksAsync(cancellationToken);
        if (Bank is not null && !Banks.Contains(Bank))
        {
            return NotFound();
        }

        Bank ??= Banks.FirstOrDefault();
        if (Bank is null)
        {
            return Page();
        }

        var culture = Cultures.Current;
        // As on the dashboard: the job keeps the facts fresh, the page refreshes them only when the job has not.
        await refresh.RunWhenOlderThanAsync(TimeSpan.FromMinutes(2 * options.Value.RefreshIntervalMinutes), cancellationToken);
        var shown = await results.QuestionsAsync(Bank, culture, cancellationToken);
        Statistics = await analyses.ForBankAsync(shown, AllAttempts, cancellationToken);
        PreviewLanguage = shown.Cultures.Contains(culture) ? culture : Cultures.Default;
        return Page();
    }
}
