using Microsoft.Playwright;

namespace Learning.BrowserTests.Pages;

/// <summary>What every page has: the header's account links and the footer's language picker.</summary>
public class SitePage(IPage page)
{
    protected IPage Page { get; } = page;

    public ILocator Heading => Page.Locator("main h1");

    public Task<string?> LanguageAsync() => Page.Locator("html").GetAttributeAsync("lang");

    public Task SwitchLanguageAsync(string nativeName) => Page.Locator(".language-picker").GetByRole(AriaRole.Link, new() { Name = nativeName }).ClickAsync();

    public Task LogOutAsync() => Page.Locator(".account-nav button[type=submit]").ClickAsync();

    public ILocator LogInLink => Page.Locator(".account-nav a[href$='/account/login']");
}

public sealed class RegisterPage(IPage page) : SitePage(page)
{
    public Task OpenAsync(string culture = "en") => Page.GotoAsync($"/{culture}/account/register");

    public async Task RegisterAsync(string email, string password, string name, string organisation)
    {
        await Page.Locator("#Input_Email").FillAsync(email);
        await Page.Locator("#Input_Password").FillAsync(password);
        await Page.Locator("#Input_DisplayName").FillAsync(name);
        // A newcomer's structure is not in the empty directory: they propose it.
        await Page.Locator("summary", new() { HasText = "My structure is not in the list" }).ClickAsync();
        await Page.Locator("#Input_NewStructureName").FillAsync(organisation);
        await Page.Locator("#Input_NewStructureType").SelectOptionAsync("association");
        await Page.Locator("#Input_NewStructureCountry").SelectOptionAsync("BE");
        await Page.Locator("#Input_Country").FillAsync("Belgium");
        await Page.Locator("#Input_Profession").FillAsync("Job counsellor");
        await Page.Locator("#Input_AcceptPrivacyNotice").CheckAsync();
        await Page.Locator("main button[type=submit]").ClickAsync();
    }
}

public sealed class LoginPage(IPage page) : SitePage(page)
{
    public Task OpenAsync(string culture = "en") => Page.GotoAsync($"/{culture}/account/login");

    public async Task LogInAsync(string email, string password)
    {
        await Page.Locator("#Email").FillAsync(email);
        await Page.Locator("#Password").FillAsync(password);
        await Page.Locator("main button[type=submit]").ClickAsync();
    }
}
