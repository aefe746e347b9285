using Learning.Modules.Assessment.Contracts;
using Learning.Modules.Core;
using Learning.Modules.Core.Tenancy;
using Learning.Modules.Data;
using Learning.Modules.Reporting.Dashboard;
using Learning.Modules.Reporting.Facts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Learning.Modules.Reporting;

/// <summary>
/// The item analysis of a bank (<see cref="ItemAnalysis"/>), computed from Reporting's facts — each submitted attempt's
/// drawn questions, copied once by <see cref="FactsRefresh"/> — rather than every answer in Assessment's tables, and kept
/// until the next refresh (<see cref="ReportCache"/>); the refresh job prepares every bank's. Choice texts are put in
/// the reader's language when shown, so one analysis serves every language.
/// </summary>
public sealed class BankAnalyses(
    LearningDbContext db,
    TestResults results,
    FactsRefresh refresh,
    ReportCache cache,
    TenantContext tenantContext,
    IOptions<ReportingOptions> options)
{
    /// <summary>The bank's analysis with the choice texts of <paramref name="shown"/> (the bank's questions in the reader's
    /// language, <see cref="TestResults.QuestionsAsync"/>).</summary>
    public async Task<IReadOnlyList<QuestionStatistics>> ForBankAsync(BankResults shown, bool allAttempts, CancellationToken cancellationToken)
    {
        var statistics = await PreparedAsync(shown.Bank, allAttempts, cancellationToken);
        // Translations have the French version's shape (QuestionBanks.LoadAsync sees to it): choices match by index.
        var texts = shown.Questions.ToDictionary(q => q.Name, q => q.Choices, StringComparer.Ordinal);
        return statistics.Select(s => texts.GetValueOrDefault(s.Name) is { } choices && choices.Count == s.Choices.Count
            ? s with { Choices = s.Choices.Select((c, i) => c with { Text = choices[i] }).ToList() }
            : s).ToList();
    }

    /// <summary>The analysis with French choice texts, computed once per refresh of the facts.</summary>
    public async Task<IReadOnlyList<QuestionStatistics>> PreparedAsync(string bank, bool allAttempts, CancellationToken cancellationToken)
    {
        var key = new Key(tenantContext.Tenant.Name, bank, allAttempts, await refresh.RefreshedAsync(cancellationToken));
        return await cache.GetOrComputeAsync(key, TimeSpan.FromMinutes(Math.Max(1, options.Value.RefreshIntervalMinutes)),
            () => ComputeAsync(bank, allAttempts, cancellationToken));
    }

    private async Task<IReadOnlyList<QuestionStatistics>> ComputeAsync(string bank, bool allAttempts, CancellationToken cancellationToken)
    {
        var attempts = db.AttemptFacts.AsNoTracking().Where(a => a.Bank == bank && a.Drawn != null);
        if (!allAttempts)
        {
            attempts = attempts.Where(a => a.Number == 1);
        }

        var rows = await attempts.OrderBy(a => a.AttemptId).Select(a => new { a.AttemptId, a.UserId, a.Number, a.Drawn }).ToListAsync(cancellationToken);
        var questions = await results.QuestionsAsync(bank, Cultures.Default, cancellationToken);
        return ItemAnalysis.Of(questions with
        {
            Attempts = rows.Select(a => new SubmittedAttempt(a.AttemptId, a.UserId, a.Number, DrawnAnswers.Read(a.Drawn!))).ToList(),
        });
    }

    /// <summary>An analysis is the same for the same tenant, bank, attempts and facts.</summary>
    private sealed record Key(string Tenant, string Bank, bool AllAttempts, DateTime? FactsRefreshedUtc);
}
