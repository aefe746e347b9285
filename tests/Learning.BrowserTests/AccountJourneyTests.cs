using Learning.BrowserTests.Pages;
using Learning.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Learning.BrowserTests;

public sealed class AccountJourneyTests
{
    [Fact]
    public async Task A_person_registers_confirms_from_the_email_logs_in_reads_in_hungarian_and_logs_out()
    {
        await using var session = await BrowserSession.StartAsync();
        var page = await session.NewPageAsync();

        var register = new RegisterPage(page);
        await register.OpenAsync();
        await register.RegisterAsync("erika@example.org", LearningApp.Password, "Erika Kovács", "Maison de l'Emploi");
        await Assertions.Expect(register.Heading).ToHaveTextAsync("Check your e-mail");

        var mail = await session.App.Mail.WaitForAsync("erika@example.org");
        // The e-mail names the configured base URL; the browser visits the test server, whatever its port.
        await page.GotoAsync(new Uri(mail.Link("/account/confirm")).PathAndQuery);
        await Assertions.Expect(page.Locator(".alert--success")).ToBeVisibleAsync();

        var login = new LoginPage(page);
        await login.OpenAsync();
        await login.LogInAsync("erika@example.org", LearningApp.Password);
        await Assertions.Expect(page.Locator(".account-nav")).ToContainTextAsync("My account");

        await page.GotoAsync("/en/account");
        var account = new SitePage(page);
        await account.SwitchLanguageAsync("Magyar");
        await Assertions.Expect(page).ToHaveURLAsync(session.BaseUrl + "/hu/account");
        Assert.Equal("hu", await account.LanguageAsync());
        await Assertions.Expect(account.Heading).ToHaveTextAsync("Fiókom");
        await BrowserSession.ScreenshotAsync(page, "my-account-hu-desktop");

        await account.LogOutAsync();
        await Assertions.Expect(account.LogInLink).ToHaveTextAsync("Bejelentkezés");
    }
}
