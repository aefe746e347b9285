using System.Text;
using Learning.Modules.Assessment.Formats;
using Learning.Modules.Assessment.Questions;
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

/// <summary>Question banks for editors: how many questions each culture has, export as GIFT or Moodle XML,
/// and import a file into a bank (all or nothing, problems reported with their line).</summary>
[Authorize(Policy = Roles.EditorPolicy)]
public sealed partial class BanksModel(LearningDbContext db, QuestionBanks banks, IStringLocalizer<AssessmentStrings> S) : PageModel
{
    private const long MaxBytes = 5 << 20;

    public IReadOnlyList<(string Bank, IReadOnlyDictionary<string, int> Counts)> Banks { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public string? Error { get; private set; }

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
        return format == "xml"
            ? File(Encoding.UTF8.GetBytes(MoodleXml.Write(questions)), "application/xml", name + ".xml")
            : File(Encoding.UTF8.GetBytes(GiftWriter.Write(questions)), "text/plain", name + ".gift");
    }

    public async Task<IActionResult> OnPostImportAsync(string? bank, string? language, IFormFile? upload, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(bank) || !BankName().IsMatch(bank.Trim()) || !Cultures.IsSupported(language) || upload is null || upload.Length == 0 || upload.Length > MaxBytes)
        {
            Error = S["Choose a bank, a language and a GIFT or Moodle XML file of at most 5 MB."];
        }
        else
        {
            using var reader = new StreamReader(upload.OpenReadStream(), Encoding.UTF8);
            var text = await reader.ReadToEndAsync(cancellationToken);
            try
            {
                var questions = upload.FileName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || text.TrimStart().StartsWith('<')
                    ? MoodleXml.Read(text)
                    : GiftReader.Read(text);
                if (questions.Count == 0)
                {
                    Error = S["The file holds no question."];
                }
                else
                {
                    await banks.ImportAsync(bank.Trim(), language!, questions, cancellationToken);
                    Message = S["{0} question(s) imported into {1}.", questions.Count, bank.Trim()];
                    return Redirect(CultureLinks.Path(Request, Cultures.Current, "editor/banks"));
                }
            }
            catch (QuestionFormatException exception)
            {
                Error = S["Nothing was imported. Line {0}: {1}", exception.Line, exception.Message[(exception.Message.IndexOf(": ", StringComparison.Ordinal) + 2)..]];
            }
        }

        await OnGetAsync(cancellationToken);
        return Page();
    }

    /// <summary>A bank name: lower-case words separated by '/' or '-', like "mooc/part-1/validation".</summary>
    [System.Text.RegularExpressions.GeneratedRegex("^[a-z0-9][a-z0-9/_-]{0,199}$")]
    private static partial System.Text.RegularExpressions.Regex BankName();
}
