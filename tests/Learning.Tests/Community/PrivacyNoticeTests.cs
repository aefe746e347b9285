using System.Net;
using Learning.Modules.Community.Privacy;
using Learning.Modules.Core;
using Learning.Modules.Core.Security;
using Learning.Modules.Core.Tenancy;
using Learning.Modules.Data;
using Learning.Tests.Accounts;
using Learning.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Learning.Tests.Community;

public sealed class PrivacyNoticeTests
{
    /// <summary>Every cookie the platform sets, by the start of its name, as the default notice lists them.</summary>
    private static readonly string[] Cookies = [".Learning.Session", ".AspNetCore.Antiforgery.", ".AspNetCore.Culture", ".AspNetCore.Mvc.CookieTempDataProvider"];

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task The_default_notice_in_each_language_states_the_delays_of_the_settings_and_the_cookies(Db db)
    {
        await using var app = new LearningApp(db, new Dictionary<string, string?>
        {
            ["Learning:Accounts:DeleteUnconfirmedAfterDays"] = "45",
            ["Learning:Email:KeepSentDays"] = "120",
            ["Learning:Privacy:LogDays"] = "14",
        });
        var visitor = app.CreateClient();
        var headings = new HashSet<string>(StringComparer.Ordinal);
        foreach (var culture in Cultures.All)
        {
            var page = await visitor.GetPageAsync($"/{culture}/privacy");
            Assert.Equal(culture, page.DocumentElement.GetAttribute("lang"));
            var notice = page.QuerySelector(".privacy-notice")!;
            var rows = notice.QuerySelectorAll("table tbody tr");
            Assert.Equal(11, rows.Length); // accounts, progress, tests, certificates, feedback, discussions, practices, reminders, e-mails, figures, logs
            Assert.Contains("45", rows[0].TextContent);
            Assert.Contains("120", rows[8].TextContent);
            Assert.Contains("14", rows[10].TextContent);
            var listed = notice.QuerySelectorAll("li code").Select(c => c.TextContent).ToList();
            Assert.Equal(Cookies.Length, listed.Count);
            Assert.All(Cookies, cookie => Assert.Contains(listed, l => l.StartsWith(cookie.TrimEnd('.'), StringComparison.Ordinal)));
            Assert.Null(page.QuerySelector(".privacy-notice script"));
            headings.Add(notice.QuerySelector("h2")!.TextContent);
        }

        Assert.Equal(6, headings.Count); // each language its own words
        var home = await visitor.GetPageAsync("/en/");
        Assert.Contains(home.QuerySelectorAll("footer a"), a => a.GetAttribute("href") == "/en/privacy");
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task An_administrator_writes_the_notice_in_one_language_as_markdown_without_html_and_can_go_back_to_the_default(Db db)
    {
        await using var app = new LearningApp(db);
        await SetUpNorthAsync(app);
        var admin = await AdministrationTests.LogInAsAdministrator(app);
        var list = await admin.GetPageAsync("/en/admin/privacy");
        Assert.Equal(6, list.QuerySelectorAll("tbody tr").Length);

        var form = await admin.GetPageAsync("/en/admin/privacy/fr");
        Assert.Contains("Ce que nous conservons", form.QuerySelector<AngleSharp.Html.Dom.IHtmlTextAreaElement>("textarea[name=Markdown]")!.Value); // starts from the default
        const string Written = "## Notre politique\n\nNous gardons peu. <script>alert(1)</script> [piège](javascript:alert(1)) <img src=x onerror=alert(2)>";
        var saved = await admin.SubmitAndFollowAsync(form, "main form[action*='Save']", ("Markdown", Written));
        Assert.NotNull(saved.QuerySelector(".alert--success"));

        var french = await app.CreateClient().GetPageAsync("/fr/privacy");
        var notice = french.QuerySelector(".privacy-notice")!;
        Assert.Equal("Notre politique", notice.QuerySelector("h2")!.TextContent);
        Assert.Empty(notice.QuerySelectorAll("script, img"));
        Assert.Contains("<script>alert(1)</script>", notice.TextContent); // shown as text
        Assert.Equal("#", notice.QuerySelector("a")!.GetAttribute("href"));
        Assert.NotNull(french.QuerySelector("main .hint")); // "last updated"

        // The other languages keep the default text, and so does another tenant in French.
        Assert.Contains("What we keep", (await app.CreateClient().GetPageAsync("/en/privacy")).Text(".privacy-notice"));
        Assert.Contains("Ce que nous conservons", (await app.CreateClient().GetPageAsync("/north/fr/privacy")).Text(".privacy-notice"));

        // Back to the default.
        var edited = await admin.GetPageAsync("/en/admin/privacy/fr");
        using (var reset = await admin.SubmitAsync(edited, "main form[action*='Reset']"))
        {
            Assert.Equal("/en/admin/privacy/fr", reset.Headers.Location?.OriginalString);
        }

        Assert.Contains("Ce que nous conservons", (await app.CreateClient().GetPageAsync("/fr/privacy")).Text(".privacy-notice"));
        Assert.Equal(0, await app.WithTenantAsync(sp => sp.GetRequiredService<LearningDbContext>().PrivacyNotices.CountAsync()));
    }

    [Fact]
    public async Task Bad_input_gets_a_message_and_changes_nothing()
    {
        await using var app = new LearningApp();
        var admin = await AdministrationTests.LogInAsAdministrator(app);
        var form = await admin.GetPageAsync("/en/admin/privacy/it");
        foreach (var (text, message) in new[] { ("   ", "Write the notice"), (new string('a', PrivacyNotice.MaxLength + 1), "too long"), (new string('>', 200) + " deep", "nested too deeply") })
        {
            using var response = await admin.SubmitAsync(form, "main form[action*='Save']", ("Markdown", text));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await Browser.ParseAsync(response);
            Assert.Contains(message, page.Text("#notice-error"));
            Assert.Equal("true", page.QuerySelector("#notice-markdown")!.GetAttribute("aria-invalid"));
        }

        using (var unknown = await admin.GetAsync("/en/admin/privacy/de"))
        {
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        }

        Assert.Equal(0, await app.WithTenantAsync(sp => sp.GetRequiredService<LearningDbContext>().PrivacyNotices.CountAsync()));
    }

    [Fact]
    public async Task Only_the_tenants_own_administrators_edit_its_notice()
    {
        await using var app = new LearningApp();
        await SetUpNorthAsync(app);
        await app.CreateUserAsync("learner@example.org");
        await app.CreateUserAsync("editor@example.org", null, Roles.Editor);
        await app.CreateUserAsync("chief@north.example", "north", Roles.Administrator);

        using (var anonymous = await app.CreateClient().GetAsync("/en/admin/privacy/fr"))
        {
            Assert.StartsWith("/en/account/login", anonymous.Headers.Location?.OriginalString);
        }

        foreach (var email in new[] { "learner@example.org", "editor@example.org" })
        {
            var client = app.CreateClient();
            await client.LogInSuccessfullyAsync(email);
            using var refused = await client.GetAsync("/en/admin/privacy/fr");
            Assert.StartsWith("/en/account/access-denied", refused.Headers.Location?.OriginalString);

            // A post with the person's own valid anti-forgery token is refused too.
            var ownPage = await client.GetPageAsync("/en/account/personal-data");
            var token = ownPage.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
            using var post = await client.PostAsync("/en/admin/privacy/fr?handler=Save",
                new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("Markdown", "## Hijacked")]));
            Assert.StartsWith("/en/account/access-denied", post.Headers.Location?.OriginalString);
        }

        // North's administrator writes north's notice; the default tenant's stays its own.
        var chief = app.CreateClient();
        await chief.LogInSuccessfullyAsync("chief@north.example", basePath: "/north/en");
        using (var elsewhere = await chief.GetAsync("/en/admin/privacy/fr"))
        {
            Assert.StartsWith("/en/account/login", elsewhere.Headers.Location?.OriginalString);
        }

        var form = await chief.GetPageAsync("/north/en/admin/privacy/fr");
        using (await chief.SubmitAsync(form, "main form[action*='Save']", ("Markdown", "## Politique du réseau Nord")))
        {
        }

        Assert.Equal("Politique du réseau Nord", (await app.CreateClient().GetPageAsync("/north/fr/privacy")).Text(".privacy-notice h2"));
        Assert.DoesNotContain("Nord", (await app.CreateClient().GetPageAsync("/fr/privacy")).Text(".privacy-notice"));
        Assert.Equal(0, await app.WithTenantAsync(sp => sp.GetRequiredService<LearningDbContext>().PrivacyNotices.CountAsync()));
    }

    [Fact]
    public async Task The_platform_sets_no_cookie_besides_those_the_notice_lists()
    {
        await using var app = new LearningApp();
        await app.CreateUserAsync("learner@example.org");
        var set = new List<string>();
        var visitor = app.CreateClient();
        foreach (var url in new[] { "/", "/fr/", "/en/", "/en/privacy", "/en/toolbox", "/en/account/login", "/en/account/register", "/en/mooc" })
        {
            using var response = await visitor.GetAsync(url);
            set.AddRange(SetCookies(response));
        }

        var learner = app.CreateClient();
        var login = await learner.GetPageAsync("/en/account/login");
        using (var signedIn = await learner.SubmitAsync(login, "main form", ("Email", "learner@example.org"), ("Password", LearningApp.Password)))
        {
            set.AddRange(SetCookies(signedIn));
        }

        foreach (var url in new[] { "/en/account", "/en/account/personal-data", "/en/mooc" })
        {
            using var response = await learner.GetAsync(url);
            set.AddRange(SetCookies(response));
        }

        // An administrator's post that leaves a message for the next page.
        var admin = await AdministrationTests.LogInAsAdministrator(app);
        var form = await admin.GetPageAsync("/en/admin/privacy/en");
        using (var saved = await admin.SubmitAsync(form, "main form[action*='Save']", ("Markdown", "## Ours")))
        {
            set.AddRange(SetCookies(saved));
        }

        Assert.Contains(set, c => c.StartsWith(".Learning.Session", StringComparison.Ordinal));
        Assert.Contains(set, c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));
        Assert.Contains(set, c => c == ".AspNetCore.Culture");
        Assert.All(set, name => Assert.Contains(Cookies, known => name.StartsWith(known, StringComparison.Ordinal)));
    }

    /// <summary>The names of the cookies a response sets (not those it deletes).</summary>
    private static IEnumerable<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values)
            ? values.Where(v => !v.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase) && !v.Split(';')[0].EndsWith('='))
                .Select(v => v.Split('=')[0]).ToList()
            : [];

    private static Task SetUpNorthAsync(LearningApp app) =>
        app.Services.GetRequiredService<TenantSetup>().SetUpAsync(
            new Tenant { Name = "north", DisplayName = "North network", UrlPrefix = "north", DatabaseProvider = DatabaseProvider.Sqlite, CreatedUtc = DateTime.UtcNow }, "chief-setup@north.example");
}
