using AngleSharp;
using AngleSharp.Html.Dom;
using Learning.Modules.Accounts;
using Learning.Modules.Certificates;
using Learning.Modules.Data;
using Learning.Modules.Feedback;
using Learning.Modules.Mooc;
using Learning.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Learning.Tests.Accounts;

public sealed class PersonalDataDownloadTests
{
    private const string HostileName = "<script>alert('name')</script> Zoé & \"Ana\"";
    private const string HostileComment = "<img src=x onerror=alert(1)>\nSecond line</td></tr></table><script>alert(2)</script>";

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task The_download_is_a_zip_with_a_json_file_per_section_and_an_index_in_the_persons_language_where_hostile_text_stays_text(Db db)
    {
        await using var app = new LearningApp(db, content: TestContent.Small());
        var learner = await app.CreateUserAsync("learner@example.org");
        var other = await app.CreateUserAsync("other@example.org");
        await app.WithTenantAsync(async sp =>
        {
            var data = sp.GetRequiredService<LearningDbContext>();
            await data.Users.Where(u => u.Id == learner.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.DisplayName, HostileName));
            await sp.GetRequiredService<CourseProgress>().EnrolAsync(learner.Id, default);
            foreach (var (person, comment) in new[] { (learner.Id, HostileComment), (other.Id, "Someone else's opinion") })
            {
                data.FeedbackItems.Add(new FeedbackItem { UserId = person, Kind = "practice", SetId = "job-desk", Culture = "en", Rating = 4, Comment = comment, CreatedUtc = DateTime.UtcNow, UpdatedUtc = DateTime.UtcNow });
            }

            data.Certificates.Add(new Certificate { Code = "ZIPCODE1", UserId = learner.Id, RecipientName = HostileName, RecipientHash = "sha256$x", Salt = "s", Culture = "fr", IssuedUtc = DateTime.UtcNow });
            return await data.SaveChangesAsync();
        });

        var client = app.CreateClient();
        await client.LogInSuccessfullyAsync("learner@example.org", basePath: "/fr");
        var zip = await PersonalDataZip.DownloadAsync(client, "/fr");

        // One JSON file per provider's section, and the index.
        Assert.Equal(["account.json", "certificate.json", "course.json", "discussionnotifications.json", "discussions.json", "emaillists.json", "feedback.json", "index.html", "reports.json", "shared-practices.json", "tests.json"],
            zip.Files.Order(StringComparer.Ordinal));
        Assert.Contains("attachment", zip.ContentDisposition);
        Assert.Contains(".zip", zip.ContentDisposition);

        // The JSON keeps the text exactly as the person typed it, and only theirs.
        Assert.Equal(HostileName, zip.Sections["account"].GetProperty("profile").GetProperty("DisplayName").GetString());
        var feedback = Assert.Single(zip.Sections["feedback"].EnumerateArray());
        Assert.Equal(HostileComment, feedback.GetProperty("comment").GetString());
        Assert.Equal("ZIPCODE1", zip.Sections["certificate"].GetProperty("code").GetString());
        Assert.NotNull(zip.Sections["course"].GetProperty("enrolment").GetProperty("enrolledUtc").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, zip.Sections["tests"].ValueKind); // no test taken
        Assert.DoesNotContain("Someone else", string.Concat(zip.Sections.Values.Select(v => v.GetRawText())));

        // The index: in French, one row per file with its count, and the data as tables where nothing runs.
        var index = await BrowsingContext.New(Configuration.Default).OpenAsync(r => r.Content(zip.Index));
        Assert.Equal("fr", index.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Vos données personnelles sur", index.QuerySelector("h1")!.TextContent);
        Assert.Contains("default-src 'none'", index.QuerySelector("meta[http-equiv='Content-Security-Policy']")!.GetAttribute("content"));
        Assert.Empty(index.QuerySelectorAll("script, img, iframe, object, embed"));
        Assert.DoesNotContain(index.All, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)));
        var rows = index.QuerySelectorAll("main > table tbody tr")
            .ToDictionary(r => r.Children[2].TextContent, r => (Title: r.Children[0].TextContent, Count: r.Children[3].TextContent));
        Assert.Equal(("Avis des apprenants", "1"), rows["feedback.json"]); // the learner's one opinion, not the other's
        Assert.Equal(("Certificat", "1"), rows["certificate.json"]);
        Assert.Equal(("Compte", "1"), rows["account.json"]);
        Assert.Equal(("Tests", "0"), rows["tests.json"]);
        Assert.Equal(10, rows.Count); // one row per section: account, certificate, course, discussion e-mails, discussions, e-mail lists, feedback, reports, shared practices, tests
        Assert.Contains(HostileComment, index.GetElementById("feedback")!.TextContent);
        Assert.Contains(HostileName, index.GetElementById("account")!.TextContent);
        Assert.Contains("&lt;script&gt;", zip.Index);
        Assert.DoesNotContain("<script", zip.Index, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", zip.Index, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Only_a_signed_in_person_downloads_and_only_their_own_data()
    {
        await using var app = new LearningApp();
        await app.CreateUserAsync("learner@example.org");
        using var anonymous = await app.CreateClient().GetAsync("/en/account/personal-data?handler=Download");
        Assert.StartsWith("/en/account/login", anonymous.Headers.Location?.OriginalString);

        var client = app.CreateClient();
        await client.LogInSuccessfullyAsync("learner@example.org");
        var zip = await PersonalDataZip.DownloadAsync(client);
        Assert.Equal("learner@example.org", zip.Sections["account"].GetProperty("profile").GetProperty("Email").GetString());
        Assert.Equal("en", (await BrowsingContext.New(Configuration.Default).OpenAsync(r => r.Content(zip.Index))).DocumentElement.GetAttribute("lang"));
    }
}
