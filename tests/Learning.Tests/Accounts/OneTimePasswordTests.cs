using System.Net;
using Learning.Modules.Accounts;
using Learning.Modules.Core;
using Learning.Tests.Core;
using Learning.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Learning.Tests.Accounts;

public sealed class OneTimePasswordTests
{
    [Fact]
    public async Task The_default_administrator_chooses_a_password_before_anything_else_in_every_language()
    {
        await using var app = new LearningApp();
        // The one-time password went to the console; the test gives the account one it knows, still as one-time.
        const string oneTime = "printed once on the console";
        await app.WithTenantAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<LearningUser>>();
            var admin = (await users.FindByEmailAsync(LearningApp.AdminEmail))!;
            await users.RemovePasswordAsync(admin);
            return await users.AddPasswordAsync(admin, oneTime);
        });
        var client = app.CreateClient();

        foreach (var culture in Cultures.All)
        {
            using var login = await client.LogInAsync(LearningApp.AdminEmail, oneTime, $"/{culture}");
            Assert.StartsWith($"/{culture}/account/reset-password?", login.Headers.Location?.OriginalString);
            var choose = await client.GetPageAsync(login.Headers.Location!.OriginalString);
            Assert.Equal(RegistrationTests.InCulture(app, culture, "The password you received works only once: choose your own password, then log in with it."), choose.Text("main .alert"));
        }

        // Not signed in meanwhile: every page still asks for a login.
        using (var users = await client.GetAsync("/en/admin/users"))
        {
            Assert.StartsWith("/en/account/login", users.Headers.Location?.OriginalString);
        }

        await ChooseAsync(app, client, LearningApp.AdminEmail, oneTime, "/en", "my very own administrator passphrase");
        using var again = await app.CreateClient().LogInAsync(LearningApp.AdminEmail, oneTime);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task A_new_tenants_administrator_chooses_a_password_before_reaching_the_tenant()
    {
        await using var app = new LearningApp();
        var defaultAdmin = await AdministrationTests.LogInAsAdministrator(app);
        var oneTime = await TenantTests.CreateTenant(app, defaultAdmin, "north", Db.Sqlite, ("Input.UrlPrefix", "north"));
        var client = app.CreateClient();

        await ChooseAsync(app, client, "chief@north.example", oneTime, "/north/en", "the chief's own passphrase");

        using var oldOne = await app.CreateClient().LogInAsync("chief@north.example", oneTime, "/north/en");
        Assert.Equal(HttpStatusCode.OK, oldOne.StatusCode);
    }

    /// <summary>Logs in with a one-time password, is sent to choose one, chooses it, and logs in with it.</summary>
    internal static async Task ChooseAsync(LearningApp app, HttpClient client, string email, string oneTime, string basePath, string chosen)
    {
        using var login = await client.LogInAsync(email, oneTime, basePath);
        Assert.StartsWith($"{basePath}/account/reset-password?", login.Headers.Location?.OriginalString);
        using (var home = await client.GetAsync($"{basePath}/account"))
        {
            Assert.StartsWith($"{basePath}/account/login", home.Headers.Location?.OriginalString);
        }

        var choose = await client.GetPageAsync(login.Headers.Location!.OriginalString);
        var done = await client.SubmitAndFollowAsync(choose, "main form", ("Password", chosen));
        Assert.NotNull(done.QuerySelector(".alert--success"));

        await client.LogInSuccessfullyAsync(email, chosen, basePath);
        using var account = await client.GetAsync($"{basePath}/account");
        Assert.Equal(HttpStatusCode.OK, account.StatusCode);
    }
}
