using System.Text;
using Learning.BrowserTests.Pages;
using Learning.Modules.Core;
using Learning.Tests.Infrastructure;
using Learning.Tests.Reporting;
using Microsoft.Playwright;

namespace Learning.BrowserTests;

/// <summary>An administrator answers a funder: the quarter's figures, filtered to the French-speaking learners, a
/// table as CSV and the funder's report as a PDF; the dashboard is accessible in the six languages.</summary>
public sealed class ImpactJourneyTests
{
    private const string Quarter = "admin/reports?from=2026-01-01&to=2026-03-31";

    [Fact]
    public async Task An_administrator_filters_the_dashboard_and_downloads_a_table_and_the_funder_report()
    {
        await using var session = await BrowserSession.StartAsync();
        await ImpactWorld.SeedAsync(session.App);
        await session.App.CreateUserAsync("manager@example.org", null, "Administrator");

        var page = await session.NewPageAsync();
        await new LoginPage(page).OpenAsync();
        await new LoginPage(page).LogInAsync("manager@example.org", LearningApp.Password);
        await page.GotoAsync("/en/" + Quarter);
        await Assertions.Expect(page.GetByTestId("structures-reached")).ToContainTextAsync("2 of 20");
        await Assertions.Expect(page.Locator("#impact-objectives svg[role=img]")).ToBeVisibleAsync();

        await page.Locator("#language").SelectOptionAsync("fr");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("structures-reached")).ToContainTextAsync("1 of 20");
        Assert.Contains("language=fr", page.Url);

        var csv = await page.RunAndWaitForDownloadAsync(() => page.Locator("#impact-participation").GetByRole(AriaRole.Link, new() { Name = "Download as CSV" }).ClickAsync());
        var csvFile = Path.Combine(session.App.DataPath, "participation.csv");
        await csv.SaveAsAsync(csvFile);
        var lines = (await File.ReadAllTextAsync(csvFile, Encoding.UTF8)).Split("\r\n");
        Assert.Contains("Registrations,6", lines);

        var pdf = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("funder-report").ClickAsync());
        var pdfFile = Path.Combine(session.App.DataPath, "funder-report.pdf");
        await pdf.SaveAsAsync(pdfFile);
        var text = PdfText.Of(await File.ReadAllBytesAsync(pdfFile));
        Assert.Contains("Structures reached", text);
        Assert.Contains("Learners' language: Français", text);

        foreach (var culture in Cultures.All)
        {
            await page.GotoAsync($"/{culture}/{Quarter}");
            await BrowserSession.AssertAccessibleAsync(page);
        }

        await page.GotoAsync("/en/" + Quarter);
        await BrowserSession.ScreenshotAsync(page, "admin-impact-desktop");
        var phone = await session.NewPageAsync(phone: true);
        await new LoginPage(phone).OpenAsync();
        await new LoginPage(phone).LogInAsync("manager@example.org", LearningApp.Password);
        await phone.GotoAsync("/hu/" + Quarter);
        await BrowserSession.AssertAccessibleAsync(phone);
        await BrowserSession.ScreenshotAsync(phone, "admin-impact-phone-hu");
    }
}
