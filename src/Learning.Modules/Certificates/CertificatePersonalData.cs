using Learning.Modules.Core.PersonalData;
using Learning.Modules.Data;
using Microsoft.EntityFrameworkCore;

namespace Learning.Modules.Certificates;

/// <summary>The certificate's part of "download my data" and of deleting an account. An erased person's
/// certificate is deleted too: its verification page and badge then answer that it does not exist.</summary>
public sealed class CertificatePersonalData(LearningDbContext db) : IPersonalDataProvider
{
    public string Section => "certificate";

    public async Task<object?> ExportAsync(string userId, CancellationToken cancellationToken) =>
        await db.Certificates.AsNoTracking().Where(c => c.UserId == userId)
            .Select(c => new { c.Code, c.RecipientName, c.Culture, c.IssuedUtc, c.RevokedUtc, c.RevocationReason })
            .SingleOrDefaultAsync(cancellationToken);

    public Task EraseAsync(string userId, CancellationToken cancellationToken) =>
        db.Certificates.Where(c => c.UserId == userId).ExecuteDeleteAsync(cancellationToken);
}
