using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Learning.Modules.Assessment;
using Learning.Modules.Assessment.Questions;
using Learning.Modules.Certificates;
using Learning.Modules.Data;
using Learning.Tests.Accounts;
using Learning.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Learning.Tests.Certificates;

public sealed class CertificateTests
{
    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Passing_the_four_tests_issues_one_certificate_with_a_pdf_a_verification_page_and_an_open_badge(Db db)
    {
        await using var app = new LearningApp(db, new Dictionary<string, string?>
        {
            ["Learning:Assessment:Tests:mooc/part-4/validation:HoursBetweenAttempts"] = "0", // passed twice in a row
        }, content: TestContent.Small());
        var user = await app.CreateUserAsync("graduate@example.org");
        var client = app.CreateClient();
        await client.LogInSuccessfullyAsync("graduate@example.org");
        for (var part = 1; part <= 3; part++)
        {
            await PassAsync(app, user.Id, part);
        }

        var waiting = await client.GetPageAsync("/en/certificate");
        Assert.Equal("3", waiting.QuerySelector("progress")!.GetAttribute("value"));
        await PassAsync(app, user.Id, 4);
        await PassAsync(app, user.Id, 4); // a second pass changes nothing

        var certificate = Assert.Single(await app.WithTenantAsync(sp => sp.GetRequiredService<LearningDbContext>().Certificates.AsNoTracking().ToListAsync()));
        var page = await client.GetPageAsync("/en/certificate");
        Assert.NotNull(page.QuerySelector(".alert--success"));

        using var pdf = await client.GetAsync("/en/certificate?handler=Pdf");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        var file = Path.Combine(app.DataPath, "certificate.pdf");
        await File.WriteAllBytesAsync(file, await pdf.Content.ReadAsByteArrayAsync());
        var text = Run("pdftotext", $"-enc UTF-8 {file} -");
        Assert.Contains("graduate", text);
        Assert.Contains(certificate.Code, text);
        Assert.Contains($"/en/certificates/{certificate.Code}", text);

        var anonymous = app.CreateClient();
        var verification = await anonymous.GetPageAsync($"/en/certificates/{certificate.Code}");
        Assert.Contains("genuine", verification.Text("[data-testid=verdict]"));

        var assertionUrl = $"https://localhost/badges/assertions/{certificate.Code}.json";
        using var assertion = JsonDocument.Parse(await anonymous.GetStringAsync(assertionUrl));
        var root = assertion.RootElement;
        Assert.Equal("https://w3id.org/openbadges/v2", root.GetProperty("@context").GetString());
        Assert.Equal("Assertion", root.GetProperty("type").GetString());
        Assert.Equal(assertionUrl, root.GetProperty("id").GetString());
        Assert.Equal("hosted", root.GetProperty("verification").GetProperty("type").GetString());
        var recipient = root.GetProperty("recipient");
        Assert.True(recipient.GetProperty("hashed").GetBoolean());
        var salt = recipient.GetProperty("salt").GetString()!;
        Assert.Equal("sha256$" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes("graduate@example.org" + salt))).ToLowerInvariant(), recipient.GetProperty("identity").GetString());
        Assert.DoesNotContain("graduate@example.org", root.ToString());

        using var badge = JsonDocument.Parse(await anonymous.GetStringAsync(root.GetProperty("badge").GetString()));
        Assert.Equal("BadgeClass", badge.RootElement.GetProperty("type").GetString());
        Assert.Equal(root.GetProperty("badge").GetString(), badge.RootElement.GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(badge.RootElement.GetProperty("image").GetString())).StatusCode);
        using var issuer = JsonDocument.Parse(await anonymous.GetStringAsync(badge.RootElement.GetProperty("issuer").GetString()));
        Assert.Equal("Issuer", issuer.RootElement.GetProperty("type").GetString());
        Assert.Equal(badge.RootElement.GetProperty("issuer").GetString(), issuer.RootElement.GetProperty("id").GetString());

        var baked = await client.GetStringAsync($"/badges/assertions/{certificate.Code}.svg");
        Assert.Contains($"verify=\"{assertionUrl}\"", baked);
    }

    [Fact]
    public async Task Each_badge_hashes_its_holders_e_mail_with_its_own_salt_and_no_public_page_shows_an_e_mail_or_user_id()
    {
        await using var app = new LearningApp(content: TestContent.Small());
        var holders = new[] { await app.CreateUserAsync("graduate@example.org"), await app.CreateUserAsync("laureate@example.org") };
        foreach (var holder in holders)
        {
            for (var part = 1; part <= 4; part++)
            {
                await PassAsync(app, holder.Id, part);
            }
        }

        var certificates = await app.WithTenantAsync(sp => sp.GetRequiredService<LearningDbContext>().Certificates.AsNoTracking().ToListAsync());
        Assert.Equal(2, certificates.Count);
        Assert.NotEqual(certificates[0].Salt, certificates[1].Salt); // the same e-mail never gives the same hash twice
        var anonymous = app.CreateClient();
        foreach (var holder in holders)
        {
            var certificate = certificates.Single(c => c.UserId == holder.Id);
            Assert.True(certificate.Salt.Length >= 16);

            // Open Badges 2.0: a hashed e-mail identity is "sha256$" and the hex SHA-256 of the e-mail followed by the salt.
            var json = await anonymous.GetStringAsync($"/badges/assertions/{certificate.Code}.json");
            using var assertion = JsonDocument.Parse(json);
            var recipient = assertion.RootElement.GetProperty("recipient");
            Assert.Equal("email", recipient.GetProperty("type").GetString());
            Assert.True(recipient.GetProperty("hashed").GetBoolean());
            Assert.Equal(certificate.Salt, recipient.GetProperty("salt").GetString());
            Assert.Equal("sha256$" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(holder.Email + certificate.Salt))).ToLowerInvariant(), recipient.GetProperty("identity").GetString());

            // The verification page names the holder, which is what it is for, and nothing else of theirs.
            using var page = await anonymous.GetAsync($"/en/certificates/{certificate.Code}");
            var html = await page.Content.ReadAsStringAsync();
            Assert.Contains(holder.DisplayName, html);
            var svg = await anonymous.GetStringAsync($"/badges/assertions/{certificate.Code}.svg");
            foreach (var published in new[] { json, html, svg })
            {
                Assert.DoesNotContain("@example.org", published);
                Assert.DoesNotContain(holder.Id, published);
            }
        }
    }

    [Fact]
    public async Task A_revoked_certificate_answers_gone_and_says_so_on_its_verification_page()
    {
        await using var app = new LearningApp(content: TestContent.Small());
        var user = await app.CreateUserAsync("graduate@example.org");
        for (var part = 1; part <= 4; part++)
        {
            await PassAsync(app, user.Id, part);
        }

        var code = await app.WithTenantAsync(sp => sp.GetRequiredService<LearningDbContext>().Certificates.Select(c => c.Code).SingleAsync());
        var admin = await AdministrationTests.LogInAsAdministrator(app);
        var list = await admin.GetPageAsync("/en/admin/certificates");
        await admin.SubmitAndFollowAsync(list, "form[action*='handler=Revoke']", ("reason", "Issued by mistake"));

        using var gone = await app.CreateClient().GetAsync($"/badges/assertions/{code}.json");
        Assert.Equal(HttpStatusCode.Gone, gone.StatusCode);
        using var body = JsonDocument.Parse(await gone.Content.ReadAsStringAsync());
        Assert.True(body.RootElement.GetProperty("revoked").GetBoolean());
        Assert.Equal("Issued by mistake", body.RootElement.GetProperty("revocationReason").GetString());
        var page = await app.CreateClient().GetPageAsync($"/en/certificates/{code}");
        Assert.Contains("Issued by mistake", page.Text("[data-testid=verdict]"));
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync("/badges/assertions/NOSUCHCODE.json")).StatusCode);
    }

    /// <summary>Passes a part's test through the service the pages use, answering every question right.</summary>
    internal static Task PassAsync(LearningApp app, string userId, int part) => app.WithTenantAsync(async sp =>
    {
        var tests = sp.GetRequiredService<Examiner>();
        var attempt = (await tests.StartAsync(userId, $"mooc/part-{part}/validation", default))!;
        var bank = await sp.GetRequiredService<QuestionBanks>().LoadAsync(attempt.Bank, "fr", default);
        var names = Examiner.QuestionNames(attempt);
        for (var position = 0; position < names.Count; position++)
        {
            var question = bank[names[position]];
            Response response = question.Type switch
            {
                QuestionType.SingleChoice or QuestionType.TrueFalse or QuestionType.MultipleResponse =>
                    new ChoiceResponse(question.Choices.Select((c, i) => (c, i)).Where(x => x.c.Fraction > 0 && (question.Type == QuestionType.MultipleResponse || x.c.Fraction == 1)).Select(x => x.i).ToHashSet()),
                QuestionType.Matching => new MatchingResponse(question.Pairs.Select((_, i) => i).ToDictionary(i => i, i => i)),
                QuestionType.Ordering => new OrderingResponse(question.Order.Select((_, i) => i).ToList()),
                QuestionType.ShortAnswer => new TextResponse(question.Choices[0].Text),
                _ => new NumberResponse(question.Numbers[0].Min),
            };
            await tests.SaveAnswerAsync(attempt, position, response, default);
        }

        var graded = await tests.SubmitAsync(attempt.Id, default);
        Assert.True(graded.Passed);
        return graded;
    });

    private static string Run(string program, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true })!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return output;
    }
}
