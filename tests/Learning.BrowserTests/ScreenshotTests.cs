using Learning.Modules.Mooc;
using Learning.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
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
        { "mooc-part-hu", "/hu/mooc/part-1", false },
        { "mooc-self-assessment-fr", "/fr/mooc/self-assessment", false },
        { "mooc-course-enrolled-it", "/it/mooc", true },
        { "mooc-positioning-ca", "/ca/mooc/positioning", true },
        { "mooc-story-hu", "/hu/mooc/part-2/activities/p2-a08", true },
        { "mooc-recipe-es", "/es/mooc/part-3/activities/p3-a21", true },
        { "mooc-case-fr", "/fr/mooc/part-1/activities/p1-a05", true },
        { "admin-progress-en", "/en/admin/progress", true },
        { "editor-mooc-part-fr", "/fr/editor/mooc-part?set=part-2&language=fr", true },
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
    public async Task The_main_pages_are_accessible_and_fit_a_phone_and_a_desktop(string name, string path, bool asEnrolledAdministrator)
    {
        await using var session = await BrowserSession.StartAsync();
        foreach (var phone in new[] { true, false })
        {
            var page = await session.NewPageAsync(phone);
            if (asEnrolledAdministrator)
            {
                var administrator = await session.App.CreateUserAsync($"admin{(phone ? 1 : 2)}@example.org", null, "Administrator");
                await session.App.WithTenantAsync(async sp =>
                {
                    await sp.GetRequiredService<CourseProgress>().EnrolAsync(administrator.Id, default); // for the course's own pages
                    return 0;
                });
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
