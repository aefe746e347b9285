using System.Text;
using Learning.Modules.Assessment.Formats;
using Learning.Modules.Core;
using Learning.Modules.Core.Localization;
using Learning.Modules.Core.Security;
using Learning.Modules.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Learning.Modules.Assessment.Pages.Editor;

/// <summary>Question banks for editors: how many questions each culture has, a preview, export as GIFT or
/// Moodle XML, and import of a file in two steps: a report of what would change, then the import on confirmation.</summary>
[Authorize(Policy = Roles.EditorPolicy)]
public sealed partial class BanksModel(LearningDbContext db, QuestionBanks banks, BankImport import, IStringLocalizer<AssessmentStrings> S) : PageModel
{
    // Moodle XML carries its images in base64: a bank with a few photos is a few megabytes.
    private const long MaxBytes = 20 << 20;

    public IReadOnlyList<(string Bank, IReadOnlyDictionary<string, int> Counts)> Banks { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public string? Error { get; private set; }

    /// <summary>The report of an import waiting for the editor's confirmation.</summary>
    public ImportPlan? Plan { get; private set; }

    /// <summary>Names the uploaded file kept aside for <see cref="Plan"/>.</summary>
    public string? Token { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var counts = await db.BankQuestions.AsNoTracking().GroupBy(q => new { q.Bank, q.Culture }).Select(g => new { g.Key.Bank, g.Key.Culture, Count = g.Count() }).ToListAsync(cancellationToken);
        Banks = counts.GroupBy(c => c.Bank).OrderBy(g => g.Key).Select(g => (g.Key, (IReadOnlyDictionary<string, int>)g.ToDictionary(c => c.Culture, c => c.Count))).ToList();
    }

    public async Task<IActionResult> OnGetExportAsync(string bank, string language, string format, CancellationToken cancellationToken)
    {
        var questions = await banks.ExportAsync(bank, language, cancellationToken);
        if (questions.Count == 0)
        {
            return NotFound();
        }

        var name = $"{bank.Replace('/', '-')}.{language}";
        if (format == "xml")
        {
            // With its images, as Moodle writes them, for Moodle to take the bank back whole.
            return File(Encoding.UTF8.GetBytes(MoodleXml.Write(await import.WithImagesAsync(questions, cancellationToken))), "application/xml", name + ".xml");
        }

        if (!questions.All(GiftWriter.CanWrite))
        {
            Error = S["This bank holds ordering questions, which GIFT cannot carry: export it as Moodle XML."];
            await OnGetAsync(cancellationToken);
            return Page();
        }

        return File(Encoding.UTF8.GetBytes(GiftWriter.Write(questions)), "text/plain", name + ".gift");
    }

    /// <summary>Step one: reads the file and shows what importing it would do; nothing changes yet.</summary>
    public async Task<IActionResult> OnPostImportAsync(string? bank, string? language, IFormFile? upload, CancellationToken cancellationToken)
    {
        if (!ValidTarget(bank, language) || upload is null || upload.Length == 0 || upload.Length > MaxBytes)
        {
            Error = S["Choose a bank, a language and a GIFT or Moodle XML file of at most 20 MB."];
        }
        else
        {
            using var reader = new StreamReader(upload.OpenReadStream(), Encoding.UTF8);
            var text = await reader.ReadToEndAsync(cancellationToken);
            if (await PlanAsync(bank!.Trim(), language!, upload.FileName, text, cancellationToken) is { } plan)
            {
                Plan = plan;
                // Kept with the format it was read in (the name of a file of that format), for step two.
                var kind = BankImport.IsMoodleXml(upload.FileName, text) ? "bank.xml" : "bank.gift";
                Token = await import.KeepAsync(kind + "\n" + text, User.UserId()!, cancellationToken);
            }
        }

        await OnGetAsync(cancellationToken);
        return Page();
    }

    /// <summary>Step two: imports the file kept aside, as the report said, in one transaction.</summary>
    public async Task<IActionResult> OnPostConfirmAsync(string? bank, string? language, string? token, CancellationToken cancellationToken)
    {
        var kept = ValidTarget(bank, language) ? await import.TakeBackAsync(token, User.UserId()!, cancellationToken) : null;
        if (kept is null)
        {
            Error = S["This import is no longer waiting (already done or cancelled): upload the file again."];
        }
        else if (await PlanAsync(bank!.Trim(), language!, kept[..kept.IndexOf('\n')], kept[(kept.IndexOf('\n') + 1)..], cancellationToken) is { } plan)
        {
            var changed = await import.ApplyAsync(plan, User.DisplayName(), cancellationToken);
            import.Forget(token!, User.UserId()!);
            Message = S["{0} question(s) created or replaced in {1}; {2} unchanged; {3} refused.", changed, plan.Bank, plan.Count(ImportAction.Unchanged), plan.Refused.Count];
            return Redirect(CultureLinks.Path(Request, Cultures.Current, "editor/banks"));
        }

        await OnGetAsync(cancellationToken);
        return Page();
    }

    public IActionResult OnPostCancel(string? token)
    {
        if (token is not null)
        {
            import.Forget(token, User.UserId()!);
        }

        return Redirect(CultureLinks.Path(Request, Cultures.Current, "editor/banks"));
    }

    private async Task<ImportPlan?> PlanAsync(string bank, string language, string fileName, string text, CancellationToken cancellationToken)
    {
        try
        {
            var plan = await import.PlanAsync(bank, language, BankImport.Read(fileName, text), cancellationToken);
            if (plan.Questions.Count == 0 && plan.Refused.Count == 0)
            {
                Error = S["The file holds no question."];
                return null;
            }

            return plan;
        }
        catch (QuestionFormatException exception)
        {
            Error = S["Nothing was imported. Line {0}: {1}", exception.Line, exception.Reason];
            return null;
        }
    }

    private static bool ValidTarget(string? bank, string? language) =>
        !string.IsNullOrWhiteSpace(bank) && BankName().IsMatch(bank.Trim()) && Cultures.IsSupported(language);

    /// <summary>A bank name: lower-case words separated by '/' or '-', like "mooc/part-1/validation".</summary>
    [System.Text.RegularExpressions.GeneratedRegex("^[a-z0-9][a-z0-9/_-]{0,199}$")]
    private static partial System.Text.RegularExpressions.Regex BankName();
}
