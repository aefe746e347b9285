using System.Text.Json;
using Learning.Modules.Assessment.Questions;
using Learning.Modules.Core;
using Learning.Modules.Data;
using Microsoft.EntityFrameworkCore;

namespace Learning.Modules.Assessment.Contracts;

/// <summary>
/// The submitted attempts at a bank, question by question, for reports that study the questions (Reporting's
/// item analysis): what each drawn question earned out of its mark and, for choice questions, what was chosen.
/// Read only; names no person beyond an opaque learner id, which a report needs to count people, not attempts.
/// </summary>
public sealed class TestResults(LearningDbContext db, QuestionBanks banks)
{
    /// <summary>The banks that have questions, by name.</summary>
    public async Task<IReadOnlyList<string>> BanksAsync(CancellationToken cancellationToken) =>
        await db.BankQuestions.AsNoTracking().Select(q => q.Bank).Distinct().OrderBy(b => b).ToListAsync(cancellationToken);

    /// <summary>A bank's graded questions (choice texts in <paramref name="culture"/>, French where not translated)
    /// and its submitted attempts: each person's first only, or all of them.</summary>
    public async Task<BankResults> ForBankAsync(string bank, string culture, bool firstAttemptsOnly, CancellationToken cancellationToken)
    {
        var questions = await QuestionsAsync(bank, culture, cancellationToken);
        var attempts = db.Attempts.AsNoTracking().Where(a => a.Bank == bank && a.SubmittedUtc != null);
        if (firstAttemptsOnly)
        {
            attempts = attempts.Where(a => a.Number == 1);
        }

        var ids = await attempts.OrderBy(a => a.Id).Select(a => a.Id).ToListAsync(cancellationToken);
        return questions with { Attempts = await SubmittedAsync(ids, cancellationToken) };
    }

    /// <summary>A bank's cultures and graded questions in name order (choice texts in <paramref name="culture"/>,
    /// French where not translated), without attempts.</summary>
    public async Task<BankResults> QuestionsAsync(string bank, string culture, CancellationToken cancellationToken)
    {
        var questions = await banks.LoadAsync(bank, culture, cancellationToken);
        var graded = await banks.LoadForGradingAsync(bank, cancellationToken);
        var listed = graded.Where(q => q.Value.IsGraded).OrderBy(q => q.Key, StringComparer.Ordinal).Select(q =>
        {
            var shown = questions.GetValueOrDefault(q.Key) ?? q.Value;
            var choices = IsChoice(q.Value.Type) ? shown.Choices.Select(c => QuestionText.ToPlain(c.Text, shown.Format)).ToList() : [];
            return new ResultQuestion(q.Key, q.Value.Mark, choices);
        }).ToList();
        var cultures = await db.BankQuestions.AsNoTracking().Where(q => q.Bank == bank).Select(q => q.Culture).Distinct().ToListAsync(cancellationToken);
        return new BankResults(bank, cultures.Order().ToList(), listed, []);
    }

    /// <summary>The submitted attempts among <paramref name="attemptIds"/>, question by question, in id order; others
    /// (unknown, not submitted) are left out. One query per 1,000 ids, for reports that keep them as they come.</summary>
    public async Task<IReadOnlyList<SubmittedAttempt>> SubmittedAsync(IReadOnlyCollection<int> attemptIds, CancellationToken cancellationToken)
    {
        var results = new List<SubmittedAttempt>();
        // Marks and choices as graded, by bank: the French version's (a translation may have another shape).
        var graded = new Dictionary<string, IReadOnlyDictionary<string, Question>>(StringComparer.Ordinal);
        foreach (var batch in attemptIds.Distinct().Order().Chunk(TestCenter.BatchSize))
        {
            var rows = await db.Attempts.AsNoTracking().Where(a => batch.Contains(a.Id) && a.SubmittedUtc != null).OrderBy(a => a.Id)
                .Select(a => new { a.Id, a.Bank, a.UserId, a.Number, a.Questions, a.MaxScore, Answers = a.Answers.Select(x => new { x.Position, x.Response, x.Score }).ToList() })
                .ToListAsync(cancellationToken);
            foreach (var a in rows)
            {
                if (!graded.TryGetValue(a.Bank, out var marks))
                {
                    graded[a.Bank] = marks = await banks.LoadForGradingAsync(a.Bank, cancellationToken);
                }

                var answers = a.Answers.ToDictionary(x => x.Position);
                var drawn = Examiner.QuestionNames(a.Questions).Select((name, position) =>
                {
                    var answer = answers.GetValueOrDefault(position);
                    // Attempts graded before questions had marks (MaxScore null) counted one mark a question; a question
                    // since removed from the bank is taken as one mark too.
                    var mark = a.MaxScore is null ? 1m : marks.GetValueOrDefault(name)?.Mark ?? 1m;
                    var chosen = answer is null ? [] : JsonSerializer.Deserialize<Response>(answer.Response, QuestionBanks.Json) is ChoiceResponse choice
                        ? choice.Selected.Order().ToList()
                        : (IReadOnlyList<int>)[];
                    // An unanswered question earned nothing, as Moodle counts it.
                    return new DrawnQuestion(name, answer?.Score ?? 0m, mark, chosen);
                }).ToList();
                results.Add(new SubmittedAttempt(a.Id, a.UserId, a.Number, drawn));
            }
        }

        return results;
    }

    private static bool IsChoice(QuestionType type) => type is QuestionType.SingleChoice or QuestionType.MultipleResponse or QuestionType.TrueFalse;
}
