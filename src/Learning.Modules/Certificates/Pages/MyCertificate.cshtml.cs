using System.Globalization;
using Learning.Modules.Core;
using Learning.Modules.Core.Localization;
using Learning.Modules.Core.Tenancy;
using Learning.Modules.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Learning.Modules.Certificates.Pages;

/// <summary>The person's way to the certificate (a progress bar per test), then the certificate itself.</summary>
[Authorize]
public sealed class MyCertificateModel(CertificateIssuer issuer, IOptions<CertificatesOptions> options, UserManager<Accounts.LearningUser> users, TenantContext tenantContext, IStringLocalizer<CertificatesStrings> S) : PageModel
{
    public Certificate? Certificate { get; private set; }

    public IReadOnlyList<(string Bank, bool Passed)> Tests { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = users.GetUserId(User)!;
        Certificate = await issuer.IssueIfCompletedAsync(userId, cancellationToken);
        var passed = await issuer.PassedTestsAsync(userId, cancellationToken);
        Tests = options.Value.RequiredTests.Select(b => (b, passed.Contains(b))).ToList();
    }

    public async Task<IActionResult> OnGetPdfAsync(CancellationToken cancellationToken)
    {
        var certificate = await issuer.IssueIfCompletedAsync(users.GetUserId(User)!, cancellationToken);
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
