using System.Security.Cryptography;
using System.Text;
using Learning.Modules.Accounts;
using Learning.Modules.Assessment;
using Learning.Modules.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Learning.Modules.Certificates;

/// <summary>Settings of the "Learning:Certificates" section.</summary>
public sealed class CertificatesOptions
{
    /// <summary>The tests (question banks) a person must pass to complete the course.</summary>
    public List<string> RequiredTests { get; set; } = ["mooc/part-1/validation", "mooc/part-2/validation", "mooc/part-3/validation", "mooc/part-4/validation"];
}

/// <summary>Issues the certificate when someone has passed every required test — once.</summary>
public sealed class CertificateIssuer(LearningDbContext db, UserManager<LearningUser> users, IOptions<CertificatesOptions> options, TimeProvider clock) : ITestSubmittedHandler
{
    private const string CodeAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public async Task OnSubmittedAsync(Attempt attempt, CancellationToken cancellationToken)
    {
        if (attempt.Passed == true)
        {
            await IssueIfCompletedAsync(attempt.UserId, cancellationToken);
        }
    }

    /// <summary>The tests the person has passed, among the required ones.</summary>
    public Task<List<string>> PassedTestsAsync(string userId, CancellationToken cancellationToken)
    {
        var required = options.Value.RequiredTests;
        return db.Attempts.Where(a => a.UserId == userId && a.Passed == true && required.Contains(a.Bank)).Select(a => a.Bank).Distinct().ToListAsync(cancellationToken);
    }

    public async Task<Certificate?> IssueIfCompletedAsync(string userId, CancellationToken cancellationToken)
    {
        var existing = await db.Certificates.SingleOrDefaultAsync(c => c.UserId == userId, cancellationToken);
        if (existing is not null || (await PassedTestsAsync(userId, cancellationToken)).Count < options.Value.RequiredTests.Count)
        {
            return existing;
        }

        var user = await users.FindByIdAsync(userId);
        if (user?.Email is null)
        {
            return null;
        }

        var salt = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        var certificate = new Certificate
        {
            Code = RandomNumberGenerator.GetString(CodeAlphabet, 12),
            UserId = userId,
            RecipientName = user.DisplayName,
            RecipientHash = HashedEmail(user.Email, salt),
            Salt = salt,
            Culture = user.PreferredCulture,
            IssuedUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.Certificates.Add(certificate);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return certificate;
        }
        catch (DbUpdateException)
        {
            // Issued meanwhile by another request: that one stands.
            db.Entry(certificate).State = EntityState.Detached;
            return await db.Certificates.SingleOrDefaultAsync(c => c.UserId == userId, cancellationToken);
        }
    }

    /// <summary>Open Badges 2.0's hashed identity: "sha256$" + hex SHA-256 of the lower-case e-mail and the salt.</summary>
    public static string HashedEmail(string email, string salt) =>
        "sha256$" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(email.Trim().ToLowerInvariant() + salt))).ToLowerInvariant();
}
