using Learning.Modules.Accounts;
using Microsoft.AspNetCore.Identity;

namespace Learning.Tests.Infrastructure;

/// <summary>Identity's password hasher, counting its work: a page that skips hashing for some answers
/// tells them apart by its response time.</summary>
public sealed class CountingPasswordHasher : IPasswordHasher<LearningUser>
{
    private readonly PasswordHasher<LearningUser> inner = new();
    private int hashes;
    private int verifications;

    public int Hashes => hashes;

    public int Verifications => verifications;

    public string HashPassword(LearningUser user, string password)
    {
        Interlocked.Increment(ref hashes);
        return inner.HashPassword(user, password);
    }

    public PasswordVerificationResult VerifyHashedPassword(LearningUser user, string hashedPassword, string providedPassword)
    {
        Interlocked.Increment(ref verifications);
        return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}
