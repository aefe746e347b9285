using System.Globalization;
using Learning.Modules.Core;
using Learning.Modules.Core.Localization;
using Learning.Modules.Core.Security;
using Learning.Modules.Core.Tenancy;
using Learning.Modules.Data;
using Learning.Modules.Mooc.Contracts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Learning.Modules.Certificates.Pages;

/// <summary>The person's way to the certificate (a progress bar per test), then the certificate itself.</summary>
[Authorize]
public sealed class MyCertificateModel(CertificateIssuer issuer, TenantContext tenantContext, IStringLocalizer<CertificatesStrings> S) : PageModel
{
    public Certificate? Certificate { get; private set; }

    /// <summary>The course's tests, and whether the person passed each.</summary>
    public IReadOnlyList<(CourseTest Test, bool Passed)> Tests { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = User.UserId()!;
        Certificate = await issuer.IssueIfCompletedAsync(userId, cancellationToken);
        Tests = await issuer.ProgressAsync(userId, cancellationToken);
    }

    public async Task<IActionResult> OnGetPdfAsync(CancellationToken cancellationToken)
    {
        var certificate = await issuer.IssueIfCompletedAsync(User.UserId()!, cancellationToken);
        if (certificate is null || certificate.RevokedUtc is not null)
        {
            return NotFound();
        }

        // Written in the learner's language, whatever the page's.
        var page = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo(certificate.Culture);
        try
        {
            var address = CultureLinks.Absolute(Request, CultureLinks.Path(Request, certificate.Culture, $"certificates/{certificate.Code}"));
            var bytes = CertificatePdf.Draw(new CertificatePdf.Texts(
                tenantContext.Tenant.DisplayName,
                S["Certificate"],
                S["certificate: awarded to"],
                certificate.RecipientName,
                S["for completing"],
                S["RéSolution MOOC: transferable practices of socio-professional insertion"],
                certificate.IssuedUtc.ToString("D", CultureInfo.CurrentCulture),
                S["Verification code {0}", certificate.Code],
                address,
                certificate.Culture));
            return File(bytes, "application/pdf", $"certificate-{certificate.Code}.pdf");
        }
        finally
        {
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = page;
        }
    }
}
