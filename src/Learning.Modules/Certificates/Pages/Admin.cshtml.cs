using Learning.Modules.Core;
using Learning.Modules.Core.Localization;
using Learning.Modules.Core.Security;
using Learning.Modules.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Learning.Modules.Certificates.Pages;

/// <summary>Administrators see the certificates issued and revoke one, with a reason people will read.</summary>
[Authorize(Policy = Roles.AdministratorPolicy)]
public sealed class AdminModel(LearningDbContext db, TimeProvider clock, IStringLocalizer<CertificatesStrings> S) : PageModel
{
    public IReadOnlyList<Certificate> Certificates { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Certificates = await db.Certificates.AsNoTracking().OrderByDescending(c => c.IssuedUtc).ToListAsync(cancellationToken);

    public async Task<IActionResult> OnPostRevokeAsync(int id, string? reason, CancellationToken cancellationToken)
    {
        var revoked = await db.Certificates.Where(c => c.Id == id && c.RevokedUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.RevokedUtc, clock.GetUtcNow().UtcDateTime).SetProperty(c => c.RevocationReason, TypedTextAttribute.Tidy(reason, 500)), cancellationToken);
        if (revoked == 0)
        {
            return NotFound();
        }

        Message = S["The certificate is revoked."];
        return Redirect(CultureLinks.Path(Request, Cultures.Current, "admin/certificates"));
    }
}
