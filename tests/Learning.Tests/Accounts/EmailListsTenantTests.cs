using System.Net;
using Learning.Tests.Core;
using Learning.Tests.Infrastructure;

namespace Learning.Tests.Accounts;

/// <summary>"E-mails I receive" on a tenant reached by its address prefix: the answer stays in that tenant.</summary>
public sealed class EmailListsTenantTests
{
    [Fact]
    public async Task Changing_a_list_on_a_prefixed_tenant_comes_back_to_that_tenants_page()
    {
        await using var app = new LearningApp(Db.Sqlite);
        var admin = await AdministrationTests.LogInAsAdministrator(app);
        await TenantTests.CreateTenant(app, admin, "north", Db.Sqlite, ("Input.UrlPrefix", "north"));
        await app.CreateUserAsync("nora@example.org", "north");
        var nora = app.CreateClient();
        await nora.LogInSuccessfullyAsync("nora@example.org", basePath: "/north/en");

        var page = await nora.GetPageAsync("/north/en/account/emails");
        using var changed = await nora.SubmitAsync(page, "main section form");
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal("/north/en/account/emails?changed=reminders", changed.Headers.Location!.OriginalString);
    }
}
