using System.Text.Json;
using Learning.Modules.Assessment.Formats;
using Learning.Modules.Assessment.Questions;
using Learning.Modules.Content;
using Learning.Modules.Core;
using Learning.Modules.Core.Scale;
using Learning.Modules.Core.Tenancy;
using Learning.Modules.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;

namespace Learning.Modules.Assessment;

/// <summary>
/// The tenant's question banks, imported from GIFT files named <c>&lt;anything&gt;.&lt;culture&gt;.gift</c>
/// (content/mooc/part-1/validation.fr.gift…): a question's bank is its $CATEGORY, its identity its name, the
/// same in every culture. Every file is read first; one malformed file stops the import with its line.
/// Importing the same files again changes nothing.
/// </summary>
/// <remarks>Every question shown and every answer saved needs its bank: banks are kept in memory as read (for
/// <see cref="Kept"/> at most), and dropped on every node when an import changes them (<see cref="ForgetAsync"/>).
/// Before, reading and parsing the bank was a sixth of the time an answer took (bench/profile.sh answers).</remarks>
public sealed class QuestionBanks(LearningDbContext db, TimeProvider clock, IMemoryCache cache, ClusterSignals signals, TenantContext tenantContext)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static readonly TimeSpan Kept = TimeSpan.FromMinutes(10);

    internal const string Channel = "banks";

    /// <summary>Drops the banks from every node's memory once an import changed them.</summary>
    public async Task ForgetAsync(IEnumerable<string> banks)
    {
        foreach (var bank in banks.Distinct(StringComparer.Ordinal))
        {
            await signals.PublishAsync(Channel, tenantContext.Tenant.Name + "\n" + bank);
        }
    }

    /// <summary>This node's part of <see cref="ForgetAsync"/>.</summary>
    internal static Task ForgetHere(IServiceProvider services, string message)
    {
        if (message.Split('\n') is [var tenant, var bank])
        {
            var memory = services.GetRequiredService<IMemoryCache>();
            foreach (var culture in Cultures.All.Append(Graded))
            {
                memory.Remove(Key(tenant, bank, culture));
            }
        }

        return Task.CompletedTask;
    }

    private const string Graded = "graded";

    private static (string, string, string, string) Key(string tenant, string bank, string culture) => (nameof(QuestionBanks), tenant, bank, culture);

    private async Task<IReadOnlyDictionary<string, Question>> KeptAsync(string bank, string culture, Func<Task<Dictionary<string, Question>>> load)
    {
        var key = Key(tenantContext.Tenant.Name, bank, culture);
        if (!cache.TryGetValue(key, out IReadOnlyDictionary<string, Question>? questions) || questions is null)
        {
            questions = await load();
            cache.Set(key, questions, Kept);
        }

        return questions;
    }

    public async Task<IReadOnlyList<ContentImportError>> ImportFolderAsync(string folder, CancellationToken cancellationToken)
    {
        var errors = new List<ContentImportError>();
        var read = new List<(string Culture, Question Question)>();
        foreach (var file in Directory.GetFiles(folder, "*.gift", SearchOption.AllDirectories).Order())
        {
            var path = Path.GetRelativePath(folder, file);
            var culture = Path.GetFileNameWithoutExtension(file).Split('.')[^1];
            if (!Cultures.IsSupported(culture))
            {
                errors.Add(new(path, 1, $"The file name must end with a culture: .{string.Join(".gift, .", Cultures.All)}.gift."));
                continue;
            }

            try
            {
                var bank = GiftReader.Read(await File.ReadAllTextAsync(file, cancellationToken));
                // The platform's own banks must read whole: a refused question is an error to fix, not to skip.
                errors.AddRange(bank.Refused.Select(r => new ContentImportError(path, r.Line, $"'{r.Name}': {r.Reason}")));
                read.AddRange(bank.Questions.Select(q => (culture, q with { Category = q.Category ?? Path.GetDirectoryName(path)!.Replace('\\', '/') })));
            }
            catch (QuestionFormatException exception)
            {
                errors.Add(new(path, exception.Line, exception.Reason));
            }
        }

        foreach (var duplicate in read.GroupBy(r => (r.Question.Category, r.Question.Name, r.Culture)).Where(g => g.Count() > 1))
        {
            errors.Add(new(folder, 1, $"The question '{duplicate.Key.Name}' appears twice in the bank '{duplicate.Key.Category}' ({duplicate.Key.Culture})."));
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        var existing = await db.BankQuestions.ToDictionaryAsync(q => (q.Bank, q.Name, q.Culture), cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (culture, question) in read)
        {
            var data = JsonSerializer.Serialize(question, Json);
            if (existing.TryGetValue((question.Category!, question.Name, culture), out var stored))
            {
                if (stored.Data != data)
                {
                    stored.Data = data;
                    stored.UpdatedUtc = now;
                }
            }
            else
            {
                db.BankQuestions.Add(new BankQuestion { Bank = question.Category!, Name = question.Name, Culture = culture, Data = data, UpdatedUtc = now });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await ForgetAsync(read.Select(r => r.Question.Category!));
        return [];
    }

    /// <summary>A bank's questions in one culture, in name order, for export.</summary>
    public async Task<List<Question>> ExportAsync(string bank, string culture, CancellationToken cancellationToken) =>
        (await db.BankQuestions.AsNoTracking().Where(q => q.Bank == bank && q.Culture == culture).OrderBy(q => q.Name).Select(q => q.Data).ToListAsync(cancellationToken))
            .Select(d => JsonSerializer.Deserialize<Question>(d, Json)!).ToList();

    /// <summary>The questions of a bank as graded: the default culture's, with every culture's accepted short
    /// answers, so that a learner may answer in the language they read the question in.</summary>
    public Task<IReadOnlyDictionary<string, Question>> LoadForGradingAsync(string bank, CancellationToken cancellationToken) => KeptAsync(bank, Graded, async () =>
    {
        var rows = await db.BankQuestions.AsNoTracking().Where(q => q.Bank == bank).Select(q => new { q.Name, q.Culture, q.Data }).ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.Name).ToDictionary(g => g.Key, g =>
        {
            var all = g.Select(r => (r.Culture, Question: JsonSerializer.Deserialize<Question>(r.Data, Json)!)).ToList();
            var main = all.FirstOrDefault(q => q.Culture == Cultures.Default).Question ?? all[0].Question;
            // A catch-all wrong answer ("=%0%*" for its feedback) of one culture must not hide what another accepts.
            return main.Type == QuestionType.ShortAnswer
                ? main with { Choices = all.SelectMany(q => q.Question.Choices).OrderBy(c => c.Fraction <= 0 && c.Text.Contains('*')).ToList() }
                : main;
        });
    });

    /// <summary>The questions of a bank in a culture, by name; a question not yet translated, or whose translation
    /// no longer has the shape of the French version (which tests are drawn and graded on), comes in French.</summary>
    public Task<IReadOnlyDictionary<string, Question>> LoadAsync(string bank, string culture, CancellationToken cancellationToken) => KeptAsync(bank, culture, async () =>
    {
        var rows = await db.BankQuestions.AsNoTracking()
            .Where(q => q.Bank == bank && (q.Culture == culture || q.Culture == Cultures.Default))
            .Select(q => new { q.Name, q.Culture, q.Data })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.Name).ToDictionary(g => g.Key, g =>
        {
            var main = g.FirstOrDefault(r => r.Culture == Cultures.Default) is { } row ? JsonSerializer.Deserialize<Question>(row.Data, Json)! : null;
            var translated = g.FirstOrDefault(r => r.Culture == culture && r.Culture != Cultures.Default) is { } other ? JsonSerializer.Deserialize<Question>(other.Data, Json)! : null;
            return translated is not null && (main is null || translated.SameShapeAs(main)) ? translated : main!;
        });
    });
}
