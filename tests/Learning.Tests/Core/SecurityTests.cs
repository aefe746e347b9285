using System.Net;
using System.Text.Json;
using Learning.Modules.Accounts;
using Learning.Modules.Core;
using Learning.Tests.Accounts;
using Learning.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Learning.Tests.Core;

public sealed class SecurityTests
{
    [Fact]
    public async Task Pages_forbid_inline_script_framing_sniffing_and_leaking_referrers()
    {
        await using var app = new LearningApp();

        using var response = await app.CreateClient().GetAsync("/en/account/login");

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>", html);
    }

    [Fact]
    public async Task The_session_cookie_cannot_be_read_by_script_nor_sent_from_other_sites()
    {
        await using var app = new LearningApp();
        await app.CreateUserAsync("learner@example.org");

        using var response = await app.CreateClient().LogInAsync("learner@example.org");

        var session = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".Learning.Session="));
        Assert.Contains("httponly", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", session, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_fresh_installation_sets_up_the_default_tenant_with_its_roles_and_one_administrator()
    {
        await using var app = new LearningApp();

        var (roles, admins, registered) = await app.WithTenantAsync(async sp =>
        {
            var db = sp.GetRequiredService<Learning.Modules.Data.LearningDbContext>();
            var users = sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Learning.Modules.Accounts.LearningUser>>();
            return (db.Roles.Select(r => r.Name).OrderBy(n => n).ToList(), await users.GetUsersInRoleAsync("Administrator"), db.Tenants.Select(t => t.Name).ToList());
        });

        Assert.Equal(["Administrator", "Editor", "Learner"], roles);
        Assert.Equal(LearningApp.AdminEmail, Assert.Single(admins).Email);
        Assert.Equal(["default"], registered); // the list of tenants lives in the default tenant's database
        Assert.False(File.Exists(Path.Combine(app.DataPath, "tenants.json")));
        Assert.True(File.Exists(Path.Combine(app.DataPath, "Sites", "default", "learning.db")));
    }
}

public sealed class ErrorPageTests
{
    [Fact]
    public async Task A_post_selecting_no_handler_an_open_bracket_or_an_invalid_code_point_never_answers_500()
    {
        await using var app = new LearningApp(content: TestContent.Small());
        var person = await app.CreateUserAsync("person@example.org");
        var admin = await AdministrationTests.LogInAsAdministrator(app);
        var token = (await admin.GetPageAsync("/en/admin/users")).QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        var answers = new List<string>();
        async Task Expect(HttpStatusCode expected, HttpMethod method, string url, string? field = null)
        {
            using var request = new HttpRequestMessage(method, url);
            if (method == HttpMethod.Post)
            {
                request.Content = new FormUrlEncodedContent([new("__RequestVerificationToken", token), .. field is null ? [] : new KeyValuePair<string, string>[] { new(field, "1") }]);
            }

            using var response = await admin.SendAsync(request);
            answers.Add($"{method} {url}: {(int)response.StatusCode}" + (response.StatusCode == expected ? "" : $", not {(int)expected}"));
        }

        // Rendered without any handler, the page's model unloaded: a 500 (or a page that seemed to do something).
        await Expect(HttpStatusCode.BadRequest, HttpMethod.Post, $"/en/admin/users/{person.Id}?handler=Nope");
        await Expect(HttpStatusCode.BadRequest, HttpMethod.Post, $"/en/admin/users/{person.Id}");
        await Expect(HttpStatusCode.BadRequest, HttpMethod.Post, "/en/admin/users");

        // jQuery's reader of bracketed names threw on an unclosed one; normalizing search terms threw on U+FFFE.
        await Expect(HttpStatusCode.Redirect, HttpMethod.Post, $"/en/admin/users/{person.Id}?handler=Unlock", "Input[[");
        await Expect(HttpStatusCode.OK, HttpMethod.Get, "/en/toolbox?q=%EF%BF%BE");
        await Expect(HttpStatusCode.OK, HttpMethod.Get, $"/en/admin/users/{person.Id}?handler=Nope"); // a get falls back to the page's OnGet

        Assert.True(answers.All(a => !a.Contains(", not ")), string.Join("\n", answers));
    }

    [Fact]
    public async Task An_unexpected_error_shows_a_localized_page_without_its_details()
    {
        await using var app = new LearningApp();
        var client = app.CreateClient();
        var login = await client.GetPageAsync("/it/account/login");
        // Break the database under the running site, as a failed disk or a bad manual change would.
        await app.WithTenantAsync(sp => sp.GetRequiredService<Learning.Modules.Data.LearningDbContext>().Database.ExecuteSqlRawAsync("DROP TABLE \"AspNetUserTokens\"; DROP TABLE \"AspNetUserRoles\"; DROP TABLE \"AspNetUserLogins\"; DROP TABLE \"AspNetUserClaims\"; DROP TABLE \"AspNetUsers\""));

        using var response = await client.SubmitAsync(login, "main form", ("Email", "someone@example.org"), ("Password", LearningApp.Password));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var page = await Browser.ParseAsync(response);
        Assert.Equal("it", page.DocumentElement.GetAttribute("lang"));
        Assert.NotEqual("Something went wrong", page.Text("h1"));
        Assert.DoesNotContain("AspNetUsers", page.DocumentElement.OuterHtml);
    }
}
