using System.IO.Compression;
using System.Net;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Learning.Modules.Core.Security;
using Learning.Tests.Accounts;
using Learning.Tests.Core;
using Learning.Tests.Infrastructure;

namespace Learning.Tests.Reporting;

/// <summary>
/// The impact dashboard as administrators use it, over <see cref="ImpactDashboardTests"/>' world: filtered, each
/// table as CSV and workbook, the funder's PDF; and nobody else sees it.
/// </summary>
public sealed class ImpactPageTests
{
    private const string Quarter = "/en/admin/reports?from=2026-01-01&to=2026-03-31";

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task An_administrator_reads_the_quarter_filters_it_and_downloads_its_tables_and_the_funder_report(Db db)
    {
        await using var app = new LearningApp(db, content: TestContent.Small());
        await ImpactWorld.SeedAsync(app);
        var admin = await AdministrationTests.LogInAsAdministrator(app);

        var page = await admin.GetPageAsync(Quarter);
        Assert.Contains("2 of 20", page.Text("[data-testid='structures-reached']"));
        Assert.Contains("10.0%", page.Text("[data-testid='structures-reached']"));
        Assert.Equal("13", page.Text("[data-testid='active-learners'] .impact__figure"));
        Assert.Equal("< 5", page.Text("[data-testid='certificates'] .impact__figure"));
        Assert.Equal("10", page.Text("[data-testid='at-risk'] .impact__figure"));
        // Every figure is a chart with its table; the learners at risk are listed by name for the administrator.
        Assert.NotNull(page.QuerySelector("#impact-completion svg[role='img']"));
        Assert.Contains("45.5%", page.QuerySelector("#impact-completion table")!.TextContent);
        Assert.Equal(10, page.QuerySelectorAll("#impact-at-risk-list tbody tr").Length);

        // French learners only: one structure reached, six registrations.
        var french = await admin.GetPageAsync(Quarter + "&language=fr");
        Assert.Contains("1 of 20", french.Text("[data-testid='structures-reached']"));
        Assert.Equal("6", french.Text("[data-testid='active-learners'] .impact__figure"));

        // A table as CSV: UTF-8 with its byte-order mark, the header row first, "< 5" where learners are few.
        using var csv = await admin.GetAsync(Quarter + "&handler=Csv&table=participation");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Figure,Learners", lines[0]);
        Assert.Contains("Registrations,8", lines);
        Assert.Contains("Certificates issued,< 5", lines);

        // In French, the spreadsheet's separator is ";" and the decimal comma is said in the header.
        using var frenchCsv = await admin.GetAsync(Quarter.Replace("/en/", "/fr/") + "&handler=Csv&table=completion");
        var frenchLines = Encoding.UTF8.GetString((await frenchCsv.Content.ReadAsByteArrayAsync())[3..]).Split("\r\n");
        Assert.Contains(";", frenchLines[0]);
        Assert.Contains(frenchLines, l => l.StartsWith("Who is far from work (fr);11;5;", StringComparison.Ordinal) && l.Contains("45,5"));
        // A share of 1 of 11 would name the one learner: hidden too.
        Assert.Contains(frenchLines, l => l == "Meet employers (fr);11;< 5;< 5");

        // Every table as a workbook: a sheet each, figures as numbers.
        using var workbook = await admin.GetAsync(Quarter + "&handler=Workbook");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", workbook.Content.Headers.ContentType?.MediaType);
        using (var stream = new MemoryStream(await workbook.Content.ReadAsByteArrayAsync()))
        using (var document = SpreadsheetDocument.Open(stream, false))
        {
            var sheets = document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().ToList();
            Assert.Equal(12, sheets.Count); // eleven tables and the learners at risk
        }

        // The funder's report: the objectives with their share, the figures, no names.
        using var pdf = await admin.GetAsync(Quarter + "&handler=FunderReport");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        var text = PdfText.Of(await pdf.Content.ReadAsByteArrayAsync());
        Assert.Contains("Structures reached", text);
        Assert.Contains("10.0%", text);
        Assert.Contains("45.5%", text);
        Assert.DoesNotContain("a1", text);
        Assert.DoesNotContain("@example.org", text);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Tampered_filters_change_nothing_and_say_why(Db db)
    {
        await using var app = new LearningApp(db, content: TestContent.Small());
        await ImpactWorld.SeedAsync(app);
        var admin = await AdministrationTests.LogInAsAdministrator(app);

        foreach (var tampered in new[] { "&structure=999999", "&language=xx", "&type=bank", "&country=ZZ", "&profession=Nobody", "&handler=Csv&table=users" })
        {
            using var refused = await admin.GetAsync(Quarter + tampered);
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        }

        // A period that cannot be: the last twelve months instead, with a word why.
        var reversed = await admin.GetPageAsync("/en/admin/reports?from=2026-03-31&to=2026-01-01");
        Assert.Contains("at most five years", reversed.Text("[role='alert']"));
        var garbage = await admin.GetPageAsync("/en/admin/reports?from=yesterday");
        Assert.Contains("at most five years", garbage.Text("[role='alert']"));
        foreach (var extreme in new[] { "?to=9999-12-31", "?to=0001-03-01", "?from=0001-01-01&to=0001-12-31" })
        {
            var page = await admin.GetPageAsync("/en/admin/reports" + extreme);
            Assert.Contains("between the years 2000 and 2100", page.Text("[role='alert']"));
        }
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Only_administrators_see_it_and_only_the_installations_see_another_tenant(Db db)
    {
        await using var app = new LearningApp(db, content: TestContent.Small());
        await ImpactWorld.SeedAsync(app);
        const string path = "/en/admin/reports";

        using var anonymous = await app.CreateClient().GetAsync(path);
        Assert.StartsWith("/en/account/login", anonymous.Headers.Location?.OriginalString);
        foreach (var role in new[] { Roles.Learner, Roles.Editor })
        {
            var email = $"{role.ToLowerInvariant()}@example.org";
            await app.CreateUserAsync(email, null, role);
            var client = app.CreateClient();
            await client.LogInSuccessfullyAsync(email);
            foreach (var handler in new[] { "", "?handler=Csv&table=at-risk-list", "?handler=Workbook", "?handler=FunderReport" })
            {
                using var refused = await client.GetAsync(path + handler);
                Assert.StartsWith("/en/account/access-denied", refused.Headers.Location?.OriginalString);
            }
        }

        var admin = await AdministrationTests.LogInAsAdministrator(app);
        await TenantTests.CreateTenant(app, admin, "north", db, ("Input.UrlPrefix", "north"));
        // The installation's administrators choose the tenant: north has no learner yet.
        var northFromDefault = await admin.GetPageAsync(path + "?tenant=north&from=2026-01-01&to=2026-03-31");
        Assert.Contains("0 of 20", northFromDefault.Text("[data-testid='structures-reached']"));
        Assert.NotNull(northFromDefault.QuerySelector("#tenant option[value='north'][selected]"));

        // North's administrator sees north only: no tenant to choose, and the default tenant refused.
        var north = await AdministrationTests.LogInAsAdministrator(app, "north", "/north/en");
        var own = await north.GetPageAsync("/north" + path + "?from=2026-01-01&to=2026-03-31");
        Assert.Null(own.QuerySelector("#tenant"));
        Assert.Contains("0 of 20", own.Text("[data-testid='structures-reached']"));
        using var other = await north.GetAsync("/north" + path + "?tenant=default");
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }
}
