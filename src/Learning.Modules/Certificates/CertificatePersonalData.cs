using System.Globalization;
using Learning.Modules.Core.PersonalData;
using Learning.Modules.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Learning.Modules.Certificates;

/// <summary>
/// The certificate's part of "download my data" and of deleting an account. A certificate may have been verified by
/// third parties already (an employer, a badge backpack), so erasing its holder does not silently turn it into "does
/// not exist": it is detached from the account (its user id replaced by an opaque one) and keeps answering as before,
/// with the name printed on it, unless the person asked for revocation: then it answers "revoked", and the name and
/// the salted e-mail hash are wiped from it.
/// </summary>
public sealed class CertificatePersonalData(LearningDbContext db, TimeProvider clock, IStringLocalizer<CertificatesStrings> S) : IPersonalDataProvider
{
    /// <summary>What a certificate whose holder erased their account has instead of a user id.</summary>
    public const string ErasedHolderPrefix = "erased:";

    public string Section => "certificate";

    public string Title => S["Certificate"];

    public string? Description => S["Your certificate, if you earned one: its verification code, the name printed on it, when it was issued and, if so, revoked."];

    public async Task<object?> ExportAsync(string userId, CancellationToken cancellationToken) =>
        await db.Certificates.AsNoTracking().Where(c => c.UserId == userId)
            .Select(c => new { c.Code, c.RecipientName, c.Culture, c.IssuedUtc, c.RevokedUtc, c.RevocationReason })
            .SingleOrDefaultAsync(cancellationToken);

    public Task EraseAsync(string userId, CancellationToken cancellationToken) => EraseAsync(userId, ErasureChoices.Default, cancellationToken);

    public async Task EraseAsync(string userId, ErasureChoices choices, CancellationToken cancellationToken)
    {
        var certificates = await db.Certificates.Where(c => c.UserId == userId).ToListAsync(cancellationToken);
        foreach (var certificate in certificates)
        {
            certificate.UserId = ErasedHolderPrefix + Guid.NewGuid().ToString("n");
            if (choices.RevokeCertificates)
            {
                certificate.RevokedUtc ??= clock.GetUtcNow().UtcDateTime;
                certificate.RevocationReason = ReasonIn(certificate.Culture);
                certificate.RecipientName = "";
                certificate.RecipientHash = "";
                certificate.Salt = "";
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The reason, in the certificate's language (the verification page shows it as written).</summary>
    private string ReasonIn(string culture)
    {
        var current = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            return S["Revoked at its holder's request."];
        }
        finally
        {
            CultureInfo.CurrentUICulture = current;
        }
    }
}
