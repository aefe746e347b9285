using System.Security.Cryptography;
using System.Text;
using Learning.Modules.Accounts.Contracts;
using Learning.Modules.Assessment.Contracts;
using Learning.Modules.Data;
using Learning.Modules.Mooc.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Learning.Modules.Certificates;

/// <summary>Issues the certificate when someone has passed every required test — once.</summary>
public sealed class CertificateIssuer(LearningDbContext db, UserDirectory directory, CourseTests course, TestCenter tests, TimeProvider clock) : ITestSubmittedHandler
{
    private const string CodeAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public async Task OnSubmittedAsync(TestSubmitted submitted, CancellationToken cancellationToken)
    {
        if (submitted.Passed)
        {
            await IssueIfCompletedAsync(submitted.UserId, cancellationToken);
        }
    }

    /// <summary>The course's tests, each with whether the person has passed it.</summary>
    public async Task<IReadOnlyList<(CourseTest Test, bool Passed)>> ProgressAsync(string userId, CancellationToken cancellationToken)
    {
        var standings = await tests.StandingsAsync(userId, cancellationToken);
        return (await course.RequiredAsync(cancellationToken)).Select(t => (t, standings.GetValueOrDefault(t.Bank)?.Passed == true)).ToList();
    }

    public async Task<Certificate?> IssueIfCompletedAsync(string userId, CancellationToken cancellationToken)
    {
        var existing = await db.Certificates.SingleOrDefaultAsync(c => c.UserId == userId, cancellationToken);
        if (existing is not null)
        {
            return existing;
        }

        // A course without tests (its content not imported yet) completes nothing.
        var progress = await ProgressAsync(userId, cancellationToken);
        if (progress.Count == 0 || progress.Any(t => !t.Passed) || await directory.FindAsync(userId, cancellationToken) is not { Email.Length: > 0 } user)
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
