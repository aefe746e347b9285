using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Learning.Modules.Assessment.Formats;
using Learning.Modules.Assessment.Questions;
using Learning.Modules.Content;
using Learning.Modules.Core;
using Learning.Modules.Data;
using Microsoft.EntityFrameworkCore;

namespace Learning.Modules.Assessment;

/// <summary>What importing a file into a bank would do, shown to the editor before anything changes.</summary>
public sealed record ImportPlan(string Bank, string Culture, IReadOnlyList<PlannedQuestion> Questions, IReadOnlyList<RefusedQuestion> Refused)
{
    public int Count(ImportAction action) => Questions.Count(q => q.Action == action);
}

/// <summary>A question of the file with what importing does to it, and the languages whose versions of it will no
/// longer have its shape (learners reading them then see the French version, until they are brought in line).</summary>
public sealed record PlannedQuestion(FoundQuestion Found, ImportAction Action, IReadOnlyList<string> OutOfStep);

public enum ImportAction
{
    Create,
    Replace,
    Unchanged,
}

/// <summary>
/// Imports an editor's GIFT or Moodle XML file into a bank in two steps: the file is read and kept aside
/// (in the tenant's storage, under a name bound to the editor) and a plan says, question by question, what
/// will be created, replaced, left unchanged or refused and why; once the editor confirms, the file is read
/// again and imported in one transaction, its images stored in the media library and linked.
/// </summary>
public sealed partial class BankImport(LearningDbContext db, MediaUploads uploads, IMediaStorage storage, TimeProvider clock, QuestionBanks banks)
{
    /// <summary>Reads a GIFT or Moodle XML file (told apart by name, then by its first character).</summary>
    public static QuestionFile Read(string fileName, string text) => IsMoodleXml(fileName, text) ? MoodleXml.Read(text) : GiftReader.Read(text);

    public static bool IsMoodleXml(string fileName, string text) =>
        fileName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n').StartsWith('<');

    public async Task<ImportPlan> PlanAsync(string bank, string culture, QuestionFile file, CancellationToken cancellationToken)
    {
        var versions = await db.BankQuestions.AsNoTracking().Where(q => q.Bank == bank).Select(q => new { q.Name, q.Culture, q.Data }).ToListAsync(cancellationToken);
        var existing = versions.Where(v => v.Culture == culture).ToDictionary(v => v.Name, v => v.Data);
        // The versions this one must keep in step with: the French one for a translation, every translation for the French one.
        var others = versions.Where(v => v.Culture != culture && (culture == Cultures.Default || v.Culture == Cultures.Default))
            .GroupBy(v => v.Name).ToDictionary(g => g.Key, g => g.Select(v => (v.Culture, Question: JsonSerializer.Deserialize<Question>(v.Data, QuestionBanks.Json)!)).ToList());
        var refused = file.Refused.ToList();
        var planned = new List<PlannedQuestion>();
        var seen = new Dictionary<string, int>();
        foreach (var found in file.Found)
        {
            var name = found.Question.Name;
            if (name.Length > 200)
            {
                refused.Add(new RefusedQuestion(name[..80] + "…", found.Line, "The question's name is longer than 200 characters."));
            }
            else if (seen.TryGetValue(name, out var first))
            {
                refused.Add(new RefusedQuestion(name, found.Line, $"Another question of the file has this name (line {first})."));
            }
            else if (found.Question.Texts.Select(t => QuestionText.Refusal(t, found.Question.Format)).FirstOrDefault(r => r is not null) is { } unreadable)
            {
                refused.Add(new RefusedQuestion(name, found.Line, unreadable));
            }
            else if (found.Files.Select(f => (f.Name, Why: MediaUploads.ImageRefusal(f.Name, f.Content))).FirstOrDefault(f => f.Why is not null) is { Why: not null } image)
            {
                refused.Add(new RefusedQuestion(name, found.Line, $"The image '{image.Name}' cannot be stored: {image.Why}"));
            }
            else
            {
                seen[name] = found.Line;
                var data = Serialize(await LinkImagesAsync(found, bank, store: null, cancellationToken));
                var outOfStep = others.GetValueOrDefault(name)?.Where(v => !v.Question.SameShapeAs(found.Question)).Select(v => v.Culture).Order().ToList() ?? [];
                planned.Add(new PlannedQuestion(found, !existing.TryGetValue(name, out var stored) ? ImportAction.Create : stored == data ? ImportAction.Unchanged : ImportAction.Replace, outOfStep));
            }
        }

        return new ImportPlan(bank, culture, planned, refused.OrderBy(r => r.Line).ToList());
    }

    /// <summary>Imports what the plan says, all or nothing; returns how many questions were created or replaced.</summary>
    public async Task<int> ApplyAsync(ImportPlan plan, string uploadedBy, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var stored = new List<string>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            var existing = await db.BankQuestions.Where(q => q.Bank == plan.Bank && q.Culture == plan.Culture).ToDictionaryAsync(q => q.Name, cancellationToken);
            var changed = 0;
            foreach (var planned in plan.Questions.Where(p => p.Action != ImportAction.Unchanged))
            {
                var question = await LinkImagesAsync(planned.Found, plan.Bank, async file =>
                {
                    var (media, error) = await uploads.SaveAsync(file.Name, new MemoryStream(file.Content), file.Content.Length, uploadedBy, cancellationToken);
                    stored.Add(media?.StorageName ?? throw new InvalidOperationException(error));
                    return media;
                }, cancellationToken);
                var data = Serialize(question);
                if (existing.TryGetValue(question.Name, out var row))
                {
                    (row.Data, row.UpdatedUtc) = (data, now);
                }
                else
                {
                    db.BankQuestions.Add(new BankQuestion { Bank = plan.Bank, Name = question.Name, Culture = plan.Culture, Data = data, UpdatedUtc = now });
                }

                changed++;
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            await banks.ForgetAsync([plan.Bank]);
            return changed;
        }
        catch
        {
            // The rows roll back with the transaction; the image files stored on the way go with them.
            foreach (var name in stored)
            {
                storage.Delete(name);
            }

            throw;
        }
    }

    /// <summary>Plans and imports at once, for callers with no one to confirm (setup, tests).</summary>
    public async Task<ImportPlan> ImportAsync(string bank, string culture, QuestionFile file, string uploadedBy, CancellationToken cancellationToken)
    {
        var plan = await PlanAsync(bank, culture, file, cancellationToken);
        await ApplyAsync(plan, uploadedBy, cancellationToken);
        return plan;
    }

    /// <summary>Keeps an uploaded file aside until the editor confirms; the token names it for this editor only.</summary>
    public async Task<string> KeepAsync(string text, string userId, CancellationToken cancellationToken)
    {
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        await storage.SaveAsync(KeptName(token, userId), new MemoryStream(Encoding.UTF8.GetBytes(text)), cancellationToken);
        return token;
    }

    /// <summary>The file kept under this token for this editor; null when there is none (or it is another's).</summary>
    public async Task<string?> TakeBackAsync(string? token, string userId, CancellationToken cancellationToken)
    {
        if (token is null || !Token().IsMatch(token) || storage.Open(KeptName(token, userId)) is not { } stream)
        {
            return null;
        }

        using var reader = new StreamReader(stream, Encoding.UTF8);
        return await reader.ReadToEndAsync(cancellationToken);
    }

    public void Forget(string token, string userId)
    {
        if (Token().IsMatch(token))
        {
            storage.Delete(KeptName(token, userId));
        }
    }

    /// <summary>The questions as Moodle would hold them: each link to the media library made @@PLUGINFILE@@/name
    /// again, with the file, for an export Moodle imports with its images.</summary>
    public async Task<IReadOnlyList<FoundQuestion>> WithImagesAsync(IReadOnlyList<Question> questions, CancellationToken cancellationToken)
    {
        var found = new List<FoundQuestion>();
        foreach (var question in questions)
        {
            var files = new Dictionary<string, EmbeddedFile>();
            var names = new Dictionary<string, string>();
            foreach (var storageName in question.Texts.SelectMany(t => MediaLink().Matches(t).Select(m => m.Groups[1].Value)).Distinct())
            {
                if (await db.MediaFiles.AsNoTracking().SingleOrDefaultAsync(m => m.StorageName == storageName, cancellationToken) is not { } media || storage.Open(storageName) is not { } stream)
                {
                    continue;
                }

                await using (stream)
                {
                    using var copy = new MemoryStream();
                    await stream.CopyToAsync(copy, cancellationToken);
                    var name = files.ContainsKey(media.FileName) ? $"{Path.GetFileNameWithoutExtension(media.FileName)}-{files.Count}{Path.GetExtension(media.FileName)}" : media.FileName;
                    files[name] = new EmbeddedFile(name, copy.ToArray());
                    names[storageName] = name;
                }
            }

            found.Add(new FoundQuestion(
                names.Count == 0 ? question : question.MapTexts(text => MediaLink().Replace(text, m => names.TryGetValue(m.Groups[1].Value, out var name) ? MoodleXml.PluginFile + Uri.EscapeDataString(name) : m.Value)),
                0,
                files.Values.ToList()));
        }

        return found;
    }

    private static string KeptName(string token, string userId) =>
        $"bank-import-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(userId)))[..16]}-{token}.upload";

    private static string Serialize(Question question) => JsonSerializer.Serialize(question, QuestionBanks.Json);

    /// <summary>The question with its @@PLUGINFILE@@ links pointing to the media library: to the file already
    /// there with the same bytes, or to the one <paramref name="store"/> stores (none while planning).</summary>
    private async Task<Question> LinkImagesAsync(FoundQuestion found, string bank, Func<EmbeddedFile, Task<MediaFile?>>? store, CancellationToken cancellationToken)
    {
        var question = found.Question with { Category = bank };
        if (found.Files.Count == 0)
        {
            return question;
        }

        var links = new Dictionary<string, string>();
        foreach (var file in found.Files)
        {
            var media = await uploads.FindSameAsync(file.Name, file.Content, cancellationToken) ?? (store is null ? null : await store(file));
            links[file.Name] = media is null ? MoodleXml.PluginFile + file.Name : "/media/" + media.StorageName;
        }

        // Moodle writes the names in links URL-encoded ("my%20image.png").
        return question.MapTexts(text => PluginFileLink().Replace(text, m =>
            links.TryGetValue(Uri.UnescapeDataString(m.Groups[1].Value), out var link) ? link : m.Value));
    }

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex Token();

    [GeneratedRegex(@"/media/([0-9a-f]{32}\.[a-z0-9]{2,5})\b")]
    private static partial Regex MediaLink();

    [GeneratedRegex(@"@@PLUGINFILE@@/([^""'<>\s?#]+)")]
    private static partial Regex PluginFileLink();
}
