using Learning.Modules.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Learning.Modules.Certificates.Pages;

/// <summary>The public page that says whether a certificate is genuine (and not revoked).</summary>
[AllowAnonymous]
public sealed class VerifyModel(LearningDbContext db) : PageModel
{
    public Certificate Certificate { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        var certificate = await db.Certificates.AsNoTracking().SingleOrDefaultAsync(c => c.Code == code, cancellationToken);
        if (certificate is null)
        {
            return NotFound();
        }

        Certificate = certificate;
        return Page();
    }
}
