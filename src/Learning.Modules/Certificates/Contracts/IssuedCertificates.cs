using Learning.Modules.Data;
using Microsoft.EntityFrameworkCore;

namespace Learning.Modules.Certificates.Contracts;

/// <summary>What reports (Reporting's impact figures) may know of certificates: the ones that changed since a moment.</summary>
public sealed class IssuedCertificates(LearningDbContext db)
{
    /// <summary>The certificates issued or revoked strictly after <paramref name="sinceUtc"/>, by id; a certificate
    /// issued before and revoked after comes with its revocation, so a report can take it off its counts.</summary>
    public async Task<IReadOnlyList<IssuedCertificate>> ChangedSinceAsync(DateTime sinceUtc, CancellationToken cancellationToken)
    {
        var since = DateTime.SpecifyKind(sinceUtc, DateTimeKind.Utc);
        var rows = await db.Certificates.AsNoTracking()
            .Where(c => c.IssuedUtc > since || c.RevokedUtc > since)
            .OrderBy(c => c.Id)
            .Select(c => new { c.Id, c.UserId, c.IssuedUtc, c.RevokedUtc })
            .ToListAsync(cancellationToken);
        return rows.Select(c => new IssuedCertificate(
                c.Id,
                c.UserId,
                DateTime.SpecifyKind(c.IssuedUtc, DateTimeKind.Utc),
                c.RevokedUtc is { } revoked ? DateTime.SpecifyKind(revoked, DateTimeKind.Utc) : null))
            .ToList();
    }
}
