using System.Net;
using Learning.Modules.Accounts;
using Learning.Modules.Core.Security;
using Learning.Modules.Data;
using Learning.Tests.Accounts;
using Learning.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Learning.Tests.Core;

public sealed class TenantTests
{
    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_new_tenant_is_set_up_with_its_own_administrator_and_sees_nothing_of_the_default_tenant(Db db)
    {
        await using var app = new LearningApp(db);
        await app.CreateUserAsync("default.learner@example.org");
        var defaultAdmin = await AdministrationTests.LogInAsAdministrator(app);

        var password = await CreateTenant(app, defaultAdmin, "north", db, ("Input.UrlPrefix", "north"));

        var home = await app.CreateClient().GetPageAsync("/north/fr/");
        Assert.Equal("North network", home.Text(".site-name"));

        // The new tenant's administrator logs in there with the one-time password, chooses their own...
        var northAdmin = app.CreateClient();
        await OneTimePasswordTests.ChooseAsync(app, northAdmin, "chief@north.example", password, "/north/en", "the chief's own passphrase");
        var northUsers = await northAdmin.GetPageAsync("/north/en/admin/users");
        Assert.Contains("chief@north.example", northUsers.Text("tbody"));
        Assert.DoesNotContain("default.learner@example.org", northUsers.Text("tbody"));

        // ...but not on the default tenant, and the default tenant's people not there.
        using (var wrongTenant = await app.CreateClient().LogInAsync("chief@north.example", "the chief's own passphrase"))
        {
            Assert.Equal(HttpStatusCode.OK, wrongTenant.StatusCode);
        }

        using (var learnerThere = await app.CreateClient().LogInAsync("default.learner@example.org", basePath: "/north/en"))
        {
            Assert.Equal(HttpStatusCode.OK, learnerThere.StatusCode);
        }

        // A session of the default tenant is worth nothing in the other tenant.
        using var crossSession = await defaultAdmin.GetAsync("/north/en/admin/users");
        Assert.StartsWith("/north/en/account/login", crossSession.Headers.Location?.OriginalString);

        // And the other tenant's administrator cannot manage tenants: that belongs to the default tenant.
        using var tenantsThere = await northAdmin.GetAsync("/north/en/admin/tenants");
        Assert.StartsWith("/north/en/account/access-denied", tenantsThere.Headers.Location?.OriginalString);

        var northEmails = await app.WithTenantAsync(sp => sp.GetRequiredService<LearningDbContext>().Users.Select(u => u.Email).ToListAsync(), "north");
        Assert.DoesNotContain("default.learner@example.org", northEmails);
    }

    [Fact]
    public async Task A_session_cookie_copied_into_another_tenant_is_rejected()
    {
        await using var app = new LearningApp();
        var defaultAdmin = await AdministrationTests.LogInAsAdministrator(app);
        await CreateTenant(app, defaultAdmin, "south", Db.Sqlite, ("Input.UrlPrefix", "south"));
        var jar = new CookieJar();
        var attacker = app.CreateDefaultClient(new Uri("https://localhost"), jar);
        await app.CreateUserAsync("insider@example.org", null, Roles.Administrator);
        await attacker.LogInSuccessfullyAsync("insider@example.org");
        Assert.Equal(HttpStatusCode.OK, (await attacker.GetAsync("/en/account")).StatusCode);

        // The default tenant's session, renamed as the south tenant's cookie.
        jar.Cookies[".Learning.Session.south"] = jar.Cookies[".Learning.Session"];
        jar.Cookies.Remove(".Learning.Session");
        using var response = await attacker.GetAsync("/south/en/account");

        Assert.StartsWith("/south/en/account/login", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_form_token_issued_by_one_tenant_is_refused_by_another()
    {
        await using var app = new LearningApp();
        var defaultAdmin = await AdministrationTests.LogInAsAdministrator(app);
        await CreateTenant(app, defaultAdmin, "south", Db.Sqlite, ("Input.UrlPrefix", "south"));
        var client = app.CreateClient();
        var here = await client.GetPageAsync("/en/account/login");
        var there = await client.GetPageAsync("/south/en/account/login");
        var hereToken = here.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name='__RequestVerificationToken']")!.Value;

        using var own = await client.SubmitAsync(there, "main form", ("Email", "someone@example.org"), ("Password", "a guess of a password"));
        using var foreign = await client.SubmitAsync(there, "main form", ("__RequestVerificationToken", hereToken), ("Email", "someone@example.org"), ("Password", "a guess of a password"));

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
    }

    /// <summary>A cookie store that lets a test tamper with cookies as an attacker would.</summary>
    private sealed class CookieJar : DelegatingHandler
    {
        public Dictionary<string, string> Cookies { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (Cookies.Count > 0)
            {
                request.Headers.Add("Cookie", string.Join("; ", Cookies.Select(c => $"{c.Key}={c.Value}")));
            }

            var response = await base.SendAsync(request, cancellationToken);
            foreach (var header in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
            {
                var pair = header.Split(';')[0].Split('=', 2);
                Cookies[pair[0]] = pair[1];
            }

            return response;
        }
    }

    [Fact]
    public async Task A_tenant_found_by_host_name_serves_its_own_site()
    {
        await using var app = new LearningApp();
        var defaultAdmin = await AdministrationTests.LogInAsAdministrator(app);
        await CreateTenant(app, defaultAdmin, "east", Db.Sqlite, ("Input.HostName", "east.example"), ("Input.Cultures", "hu"), ("Input.Cultures", "en"), ("Input.DefaultCulture", "hu"));

        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://east.example"), AllowAutoRedirect = false });
        using var root = await client.GetAsync("/");
        Assert.Equal("/hu/", root.Headers.Location?.OriginalString);
        var home = await client.GetPageAsync("/hu/");
        Assert.Equal("North network", home.Text(".site-name"));
        Assert.Equal(2, home.QuerySelectorAll(".language-picker li").Length);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/fr/")).StatusCode);
    }

    [Fact]
    public async Task A_disabled_tenant_answers_unavailable_until_enabled_and_a_deleted_one_is_gone_with_its_data()
    {
        await using var app = new LearningApp();
        var defaultAdmin = await AdministrationTests.LogInAsAdministrator(app);
        await CreateTenant(app, defaultAdmin, "west", Db.Sqlite, ("Input.UrlPrefix", "west"));
        var settings = await defaultAdmin.GetPageAsync("/en/admin/tenants/west");

        var disabled = await defaultAdmin.SubmitAndFollowAsync(settings, "form[action*='handler=Disable']");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await app.CreateClient().GetAsync("/west/en/")).StatusCode);

        await defaultAdmin.SubmitAndFollowAsync(disabled, "form[action*='handler=Enable']");
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().GetAsync("/west/en/")).StatusCode);

        var enabled = await defaultAdmin.GetPageAsync("/en/admin/tenants/west");
        var notConfirmed = await defaultAdmin.SubmitAndFollowAsync(enabled, "form[action*='handler=Delete']", ("ConfirmName", "wrong"));
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().GetAsync("/west/en/")).StatusCode);

        using var deleted = await defaultAdmin.SubmitAsync(notConfirmed, "form[action*='handler=Delete']", ("ConfirmName", "west"));
        Assert.Equal("/en/admin/tenants", deleted.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync("/west/en/")).StatusCode);
        Assert.False(Directory.Exists(Path.Combine(app.DataPath, "Sites", "west")));
    }

    [Fact]
    public async Task A_tenant_form_with_a_taken_name_a_reserved_prefix_or_no_address_changes_nothing()
    {
        await using var app = new LearningApp();
        var admin = await AdministrationTests.LogInAsAdministrator(app);

        foreach (var fields in new[]
        {
            new[] { ("Input.Name", "default"), ("Input.UrlPrefix", "elsewhere") },
            new[] { ("Input.Name", "fresh"), ("Input.UrlPrefix", "fr") },
            new[] { ("Input.Name", "fresh"), ("Input.UrlPrefix", "") },
            new[] { ("Input.Name", "Bad Name!"), ("Input.UrlPrefix", "bad") },
        })
        {
            var form = await admin.GetPageAsync("/en/admin/tenants/new");
            using var response = await admin.SubmitAsync(form, "main form",
                [.. fields, ("Input.DisplayName", "Refused"), ("Input.AdministratorEmail", "x@example.org")]);
            var page = await Browser.ParseAsync(response);
            Assert.Null(page.QuerySelector("[data-testid='one-time-password']"));
            Assert.NotEmpty(page.QuerySelectorAll(".field-validation-error"));
        }

        var list = await admin.GetPageAsync("/en/admin/tenants");
        Assert.Single(list.QuerySelectorAll("tbody tr"));
    }

    internal static async Task<string> CreateTenant(LearningApp app, HttpClient admin, string name, Db db, params (string Name, string Value)[] address)
    {
        var form = await admin.GetPageAsync("/en/admin/tenants/new");
        (string, string)[] fields =
        [
            ("Input.DisplayName", "North network"),
            ("Input.Name", name),
            ("Input.DatabaseProvider", db.ToString()),
            ("Input.ConnectionString", db == Db.Postgres ? app.PostgresConnection(name) : ""),
            ("Input.AdministratorEmail", "chief@north.example"),
            .. address,
        ];
        var created = await admin.SubmitAndFollowAsync(form, "main form", fields);
        return created.QuerySelector("[data-testid='one-time-password']")?.TextContent.Trim()
               ?? throw new InvalidOperationException("The tenant was not created: " + created.QuerySelector("main")?.TextContent);
    }
}
