using Learning.Modules.Certificates;
using Learning.Modules.Certificates.Contracts;
using Learning.Modules.Data;
using Learning.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Learning.Tests.Certificates;

/// <summary>What Certificates tells reports (<see cref="IssuedCertificates"/>): certificates issued or revoked strictly after a moment.</summary>
public sealed class IssuedCertificatesTests
{
    private static readonly DateTime Since = new(2026, 11, 1, 10, 0, 0, DateTimeKind.Utc);

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Changed_since_gives_the_certificates_issued_or_revoked_after_the_moment_with_their_revocation(Db database)
    {
        await using var app = new LearningApp(database, content: TestContent.Only());
        await app.WithTenantAsync(async sp =>
        {
            var db = sp.GetRequiredService<LearningDbContext>();
            db.Certificates.AddRange(
                Issued("old", Since.AddDays(-1)),
                Issued("revoked-after", Since.AddDays(-1)),
                Issued("issued-after", Since.AddSeconds(1)),
                Issued("issued-at", Since),                 // the moment itself is not after it
                Issued("revoked-before", Since.AddDays(-2)),
                Issued("issued-and-revoked-after", Since.AddMinutes(5)));
            await db.SaveChangesAsync();
            // Revoked as the administrators' page does it.
            foreach (var (user, at) in new[] { ("revoked-after", Since.AddHours(1)), ("revoked-before", Since.AddDays(-1)), ("issued-and-revoked-after", Since.AddMinutes(10)) })
            {
                await db.Certificates.Where(c => c.UserId == user && c.RevokedUtc == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.RevokedUtc, at).SetProperty(c => c.RevocationReason, "Test"));
            }

            return 0;
        });

        var changed = await app.WithTenantAsync(sp => sp.GetRequiredService<IssuedCertificates>().ChangedSinceAsync(Since, default));

        Assert.Equal(
            [
                ("revoked-after", Since.AddDays(-1), (DateTime?)Since.AddHours(1)),
                ("issued-after", Since.AddSeconds(1), null),
                ("issued-and-revoked-after", Since.AddMinutes(5), Since.AddMinutes(10)),
            ],
            changed.Select(c => (c.UserId, c.IssuedUtc, c.RevokedUtc)));
        Assert.True(changed[0].Id < changed[1].Id && changed[1].Id < changed[2].Id);
        Assert.All(changed, c => Assert.Equal(DateTimeKind.Utc, c.IssuedUtc.Kind));
    }

    private static Certificate Issued(string userId, DateTime at) => new()
    {
        Code = "code-" + userId,
        UserId = userId,
        RecipientName = userId,
        RecipientHash = "sha256$0",
        Salt = "salt",
        Culture = "en",
        IssuedUtc = at,
    };
}
