using Learning.Modules.Assessment.Questions;
using Learning.Modules.Core;
using Learning.Modules.Core.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Learning.Modules.Assessment.Pages.Editor;

/// <summary>A bank's questions in one language as learners will see them, with their answers, marks and feedback.</summary>
[Authorize(Policy = Roles.EditorPolicy)]
public sealed class BankPreviewModel(QuestionBanks banks) : PageModel
{
    public string Bank { get; private set; } = "";

    public string Language { get; private set; } = "";

    public IReadOnlyList<Question> Questions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? bank, string? language, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(bank) || bank.Length > 200 || !Cultures.IsSupported(language))
        {
            return NotFound();
        }

        Questions = await banks.ExportAsync(bank, language!, cancellationToken);
        (Bank, Language) = (bank, language!);
        return Questions.Count == 0 ? NotFound() : Page();
    }
}
