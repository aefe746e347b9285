using System.Diagnostics;
using Learning.BrowserTests.Pages;
using Learning.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Learning.BrowserTests;

public sealed class EditorJourneyTests
{
    [Fact]
    public async Task An_editor_writes_a_sheet_another_publishes_it_and_a_learner_finds_it_and_downloads_its_pdf()
    {
        await using var session = await BrowserSession.StartAsync();
        await session.App.CreateUserAsync("writer@example.org", null, "Editor");
        await session.App.CreateUserAsync("reviewer@example.org", null, "Editor");

        // The writer drafts the sheet; the preview follows the typing.
        var writer = await session.NewPageAsync();
        await new LoginPage(writer).OpenAsync();
        await new LoginPage(writer).LogInAsync("writer@example.org", LearningApp.Password);
        await writer.GotoAsync("/en/editor/practice");
        await writer.Locator("#Input_SetId").FillAsync("job-cafe");
        await writer.Locator("#Input_Title").FillAsync("Job café in the town hall");
        await writer.Locator("#Input_Slug").FillAsync("job-cafe-town-hall");
        await writer.Locator("#Input_Summary").FillAsync("Every month, jobseekers and local employers meet over coffee, without a CV.");
        await writer.Locator("#Input_Organisations").FillAsync("Maison de l'Emploi de Forest");
        await writer.GetByLabel("Working with employers").CheckAsync();
        await writer.GetByLabel("Event").CheckAsync();
        await writer.Locator("#Input_Body").FillAsync("## Description\nA monthly meeting.\n\n## Implementation\n### Steps\n1. Book the town hall.\n");
        await Assertions.Expect(writer.Locator("#preview h3")).ToHaveTextAsync("Steps");
        await BrowserSession.ScreenshotAsync(writer, "editor-new-practice-desktop");
        await writer.GetByRole(AriaRole.Button, new() { Name = "Submit for review" }).ClickAsync();
        await Assertions.Expect(writer.Locator(".alert--success")).ToContainTextAsync("submitted for review");

        // Another editor publishes it.
        var reviewer = await session.NewPageAsync();
        await new LoginPage(reviewer).OpenAsync();
        await new LoginPage(reviewer).LogInAsync("reviewer@example.org", LearningApp.Password);
        await reviewer.GotoAsync("/en/editor");
        await reviewer.GetByRole(AriaRole.Row).Filter(new() { HasText = "Job café in the town hall" }).GetByRole(AriaRole.Link, new() { Name = "English: In review" }).ClickAsync();
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "Publish", Exact = true }).ClickAsync();
        await Assertions.Expect(reviewer.Locator(".alert--success")).ToContainTextAsync("published");

        // A learner finds it by searching without the accent and downloads its sheet.
        var learner = await session.NewPageAsync(phone: true);
        await learner.GotoAsync("/en/toolbox");
        await learner.Locator("#q").FillAsync("cafe town");
        await learner.Locator("#q").PressAsync("Enter");
        await learner.GetByRole(AriaRole.Link, new() { Name = "Job café in the town hall" }).ClickAsync();
        await Assertions.Expect(learner.Locator("h1")).ToHaveTextAsync("Job café in the town hall");
        var download = await learner.RunAndWaitForDownloadAsync(() => learner.GetByRole(AriaRole.Link, new() { Name = "Download the sheet (PDF)" }).ClickAsync());
        var file = Path.Combine(session.App.DataPath, "downloaded.pdf");
        await download.SaveAsAsync(file);

        using var pdftotext = Process.Start(new ProcessStartInfo("pdftotext", $"-enc UTF-8 {file} -") { RedirectStandardOutput = true })!;
        Assert.Contains("Job café in the town hall", await pdftotext.StandardOutput.ReadToEndAsync());
    }
}
