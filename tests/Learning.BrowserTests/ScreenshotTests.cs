using Learning.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Learning.BrowserTests;

/// <summary>Screenshots of the main pages at phone and desktop widths, saved under the test output's
/// screenshots/ folder for people to look at; each page must pass axe-core's WCAG 2.1 AA rules and
/// must not overflow the window sideways.</summary>
public sealed class ScreenshotTests
{
    public static TheoryData<string, string, bool> Pages => new()
    {
        { "home-fr", "/fr/", false },
        { "register-en", "/en/account/register", false },
        { "login-hu", "/hu/account/login", false },
        { "not-found-es", "/es/no-such-page", false },
        { "toolbox-en", "/en/toolbox", false },
        { "toolbox-search-hu", "/hu/toolbox?q=digitalis&theme=digital-inclusion", false },
        { "practice-hu", "/hu/toolbox/allo-digiparcours-digitalis-felmeres", false },
        { "practice-fr", "/fr/toolbox/spoc-validation-des-competences", false },
        { "tutorials-en", "/en/tutorials", false },
        { "tutorial-hu", "/hu/tutorials/spoc-kompetenciavalidalas-utmutato", false },
        { "admin-users-en", "/en/admin/users", true },
        { "mooc-test-start-it", "/it/mooc/part-1/test", true },
        { "mooc-es", "/es/mooc", false },
        { "certificate-progress-fr", "/fr/certificate", true },
        { "question-banks-en", "/en/editor/banks", true },
        { "admin-attempts-hu", "/hu/admin/attempts", true },
        { "admin-certificates-ca", "/ca/admin/certificates", true },
        { "editor-tutorial-fr", "/fr/editor/tutorial?set=spoc-skills-validation&language=fr", true },
        { "editor-list-it", "/it/editor", true },
        { "translations-es", "/es/editor/sets/rebondir", true },
        { "media-library-fr", "/fr/editor/media", true },
        { "admin-new-tenant-ca", "/ca/admin/tenants/new", true },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task The_main_pages_are_accessible_and_fit_a_phone_and_a_desktop(string name, string path, bool asAdministrator)
    {
        await using var session = await BrowserSession.StartAsync();
        foreach (var phone in new[] { true, false })
        {
            var page = await session.NewPageAsync(phone);
            if (asAdministrator)
            {
                await session.App.CreateUserAsync($"admin{(phone ? 1 : 2)}@example.org", null, "Administrator");
                await page.GotoAsync("/en/account/login");
                await page.Locator("#Email").FillAsync($"admin{(phone ? 1 : 2)}@example.org");
                await page.Locator("#Password").FillAsync(LearningApp.Password);
                await page.Locator("main button[type=submit]").ClickAsync();
                await Assertions.Expect(page.Locator(".account-nav form")).ToBeVisibleAsync();
            }

            await page.GotoAsync(path);
            await BrowserSession.ScreenshotAsync(page, $"{name}-{(phone ? "phone" : "desktop")}");
            // The outermost elements that stick out of the window, if any (a scrolling table is fine).
            var overflowing = await page.EvaluateAsync<string[]>(
                """
                () => document.documentElement.scrollWidth <= window.innerWidth ? [] :
                  [...document.querySelectorAll('body *')]
                    .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 && e.parentElement.getBoundingClientRect().right <= window.innerWidth + 1)
                    .map(e => e.tagName.toLowerCase() + '.' + [...e.classList].join('.'))
                """);
            Assert.True(overflowing.Length == 0, $"{path} is wider than the {(phone ? "phone" : "desktop")} window: {string.Join(", ", overflowing)}");
            await BrowserSession.AssertAccessibleAsync(page);
        }
    }
}
