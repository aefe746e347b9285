using System.Net;
using Learning.Modules.Accounts;
using Learning.Modules.Certificates;
using Learning.Modules.Core;
using Learning.Modules.Core.Email;
using Learning.Modules.Core.PersonalData;
using Learning.Modules.Data;
using Learning.Modules.Feedback;
using Learning.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Learning.Tests.Accounts;

public sealed class ErasureTests
{
    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_certificate_stays_genuine_after_its_holder_leaves_unless_they_ask_for_its_revocation(Db db)
    {
        await using var app = new LearningApp(db);
        var keeper = await app.CreateUserAsync("keeper@example.org");
        var revoker = await app.CreateUserAsync("revoker@example.org");
        await AddCertificateAsync(app, keeper.Id, "KEEPCODE", "Kim Keeper");
        await AddCertificateAsync(app, revoker.Id, "GONECODE", "Rita Revoker");

        await DeleteAccountAsync(app, "keeper@example.org", revoke: false);
        await DeleteAccountAsync(app, "revoker@example.org", revoke: true);

        // Kept: the verification page and the badge answer as before, with the name printed on it.
        var visitor = app.CreateClient();
        var kept = await visitor.GetPageAsync("/en/certificates/KEEPCODE");
        Assert.Equal("This certificate is genuine.", kept.Text("[data-testid=verdict]"));
        Assert.Contains("Kim Keeper", kept.Text("dl.facts"));
        using (var badge = await visitor.GetAsync("/badges/assertions/KEEPCODE.json"))
        {
            Assert.Equal(HttpStatusCode.OK, badge.StatusCode);
        }

        // Revoked at the holder's request: "revoked", in the certificate's language, and the name is gone.
        var revoked = await visitor.GetPageAsync("/en/certificates/GONECODE");
        Assert.Equal("This certificate was revoked: Revoked at its holder's request.", revoked.Text("[data-testid=verdict]"));
        Assert.DoesNotContain("Rita", revoked.Text("dl.facts"));
        Assert.Contains("(name removed at the holder's request)", revoked.Text("dl.facts"));
        using (var badge = await visitor.GetAsync("/badges/assertions/GONECODE.json"))
        {
            Assert.Equal(HttpStatusCode.Gone, badge.StatusCode);
        }

        // Neither certificate leads to an account any more; the revoked one keeps no trace of its holder.
        var rows = await app.WithTenantAsync(sp => sp.GetRequiredService<LearningDbContext>().Certificates.AsNoTracking().OrderBy(c => c.Code).ToListAsync());
        Assert.All(rows, c => Assert.StartsWith(CertificatePersonalData.ErasedHolderPrefix, c.UserId));
        Assert.Equal(("GONECODE", "", "", ""), (rows[0].Code, rows[0].RecipientName, rows[0].RecipientHash, rows[0].Salt));
        Assert.NotNull(rows[0].RevokedUtc);
        Assert.Equal(("KEEPCODE", "Kim Keeper", (DateTime?)null), (rows[1].Code, rows[1].RecipientName, rows[1].RevokedUtc));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_provider_that_fails_leaves_the_account_and_every_modules_data_whole(Db db)
    {
        await using var app = new LearningApp(db) { TestServices = s => s.AddScoped<IPersonalDataProvider, FailingProvider>() };
        var person = await app.CreateUserAsync("person@example.org");
        await AddCertificateAsync(app, person.Id, "STAYCODE", "Pat Person");
        await app.WithTenantAsync(async sp =>
        {
            var data = sp.GetRequiredService<LearningDbContext>();
            data.FeedbackItems.Add(new FeedbackItem { UserId = person.Id, Kind = "practice", SetId = "job-desk", Culture = "en", Rating = 2, CreatedUtc = DateTime.UtcNow, UpdatedUtc = DateTime.UtcNow });
            data.OutboxMessages.Add(new OutboxMessage { To = "person@example.org", Subject = "Hello", TextBody = "t", HtmlBody = "h", CreatedUtc = DateTime.UtcNow, SentUtc = DateTime.UtcNow });
            return await data.SaveChangesAsync();
        });

        await Assert.ThrowsAsync<InvalidOperationException>(() => app.WithTenantAsync(async sp =>
        {
            var user = (await sp.GetRequiredService<UserManager<LearningUser>>().FindByIdAsync(person.Id))!;
            return await sp.GetRequiredService<AccountErasure>().EraseAsync(user, new ErasureChoices(RevokeCertificates: true), default);
        }));

        var left = await app.WithTenantAsync(async sp =>
        {
            var data = sp.GetRequiredService<LearningDbContext>();
            return (await data.Users.CountAsync(u => u.Id == person.Id), await data.FeedbackItems.CountAsync(f => f.UserId == person.Id),
                await data.OutboxMessages.CountAsync(m => m.To == "person@example.org"),
                await data.Certificates.CountAsync(c => c.UserId == person.Id && c.RevokedUtc == null && c.RecipientName == "Pat Person"));
        });
        Assert.Equal((1, 1, 1, 1), left);
        await app.CreateClient().LogInSuccessfullyAsync("person@example.org");
    }

    [Fact]
    public async Task The_deletion_form_offers_to_revoke_the_certificates_unticked()
    {
        await using var app = new LearningApp();
        await app.CreateUserAsync("person@example.org");
        var client = app.CreateClient();
        await client.LogInSuccessfullyAsync("person@example.org");
        var page = await client.GetPageAsync("/en/account/personal-data");
        var box = page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("main form input[type=checkbox][name=RevokeCertificates]")!;
        Assert.False(box.IsChecked);
        Assert.Equal("Also revoke my certificates", box.ParentElement!.TextContent.Trim());
        Assert.Equal("revoke-help", box.GetAttribute("aria-describedby"));
    }

    private static Task<int> AddCertificateAsync(LearningApp app, string userId, string code, string name) => app.WithTenantAsync(async sp =>
    {
        var data = sp.GetRequiredService<LearningDbContext>();
        data.Certificates.Add(new Certificate { Code = code, UserId = userId, RecipientName = name, RecipientHash = "sha256$x", Salt = "s", Culture = "en", IssuedUtc = DateTime.UtcNow });
        return await data.SaveChangesAsync();
    });

    private static async Task DeleteAccountAsync(LearningApp app, string email, bool revoke)
    {
        var client = app.CreateClient();
        await client.LogInSuccessfullyAsync(email);
        var page = await client.GetPageAsync("/en/account/personal-data");
        var fields = revoke ? new[] { ("Password", LearningApp.Password), ("RevokeCertificates", "true") } : [("Password", LearningApp.Password)];
        using var deleted = await client.SubmitAsync(page, "main form", fields);
        Assert.Equal("/en/account/deleted", deleted.Headers.Location?.OriginalString);
    }

    /// <summary>A module whose erasure fails, registered after every real one.</summary>
    private sealed class FailingProvider : IPersonalDataProvider
    {
        public string Section => "failing";

        public Task<object?> ExportAsync(string userId, CancellationToken cancellationToken) => Task.FromResult<object?>(null);

        public Task EraseAsync(string userId, CancellationToken cancellationToken) => throw new InvalidOperationException("This module cannot erase.");
    }
}
