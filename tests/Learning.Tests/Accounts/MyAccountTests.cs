using System.Net;
using System.Text.Json;
using Learning.Modules.Accounts;
using Learning.Modules.Core;
using Learning.Modules.Core.Security;
using Learning.Modules.Data;
using Learning.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Learning.Tests.Accounts;

public sealed class MyAccountTests
{
    [Fact]
    public async Task Changing_name_and_language_shows_the_account_in_the_new_language()
    {
        await using var app = new LearningApp();
        await app.CreateUserAsync("learner@example.org");
        var client = app.CreateClient();
        await client.LogInSuccessfullyAsync("learner@example.org");

        var account = await client.GetPageAsync("/en/account");
        using var saved = await client.SubmitAsync(account, "main form", ("Input.DisplayName", "Zsófia"), ("Input.PreferredCulture", "hu"));

        Assert.Equal("/hu/account?saved=true", saved.Headers.Location?.OriginalString);
        var page = await client.GetPageAsync("/hu/account?saved=true");
        Assert.Equal("hu", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Zsófia", page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Input_DisplayName")!.Value);
        using var home = await client.GetAsync("/");
        Assert.Equal("/hu/", home.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Changing_the_password_needs_the_current_one()
    {
        await using var app = new LearningApp();
        await app.CreateUserAsync("learner@example.org");
        var client = app.CreateClient();
        await client.LogInSuccessfullyAsync("learner@example.org");

        var form = await client.GetPageAsync("/en/account/password");
        var refused = await client.SubmitAndFollowAsync(form, "main form", ("CurrentPassword", "a wrong guess here"), ("NewPassword", "my second passphrase"));
        Assert.Contains("incorrect", refused.Text(".validation-summary-errors"));

        var changed = await client.SubmitAndFollowAsync(refused, "main form", ("CurrentPassword", LearningApp.Password), ("NewPassword", "my second passphrase"));
        Assert.NotNull(changed.QuerySelector(".alert--success"));
        await app.CreateClient().LogInSuccessfullyAsync("learner@example.org", "my second passphrase");
    }

    [Fact]
    public async Task Wrong_passwords_on_the_account_pages_count_toward_the_lockout_which_ends_the_session()
    {
        await using var app = new LearningApp();
        await app.CreateUserAsync("learner@example.org");
        var client = app.CreateClient();
        await client.LogInSuccessfullyAsync("learner@example.org");

        var personalData = await client.GetPageAsync("/en/account/personal-data");
        using (var wrongDelete = await client.SubmitAsync(personalData, "main form", ("Password", "a wrong guess here")))
        {
            Assert.Equal(HttpStatusCode.OK, wrongDelete.StatusCode);
        }

        var form = await client.GetPageAsync("/en/account/password");
        for (var attempt = 2; attempt <= 4; attempt++)
        {
            using var wrong = await client.SubmitAsync(form, "main form", ("CurrentPassword", $"wrong guess number {attempt}"), ("NewPassword", "my second passphrase"));
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        using var fifth = await client.SubmitAsync(form, "main form", ("CurrentPassword", "wrong guess number 5"), ("NewPassword", "my second passphrase"));
        Assert.Equal("/en/account/login", fifth.Headers.Location?.OriginalString);

        var lockedUntil = await app.WithTenantAsync(async sp =>
            (await sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<LearningUser>>().FindByEmailAsync("learner@example.org"))!.LockoutEnd);
        Assert.True(lockedUntil > DateTimeOffset.UtcNow.AddMinutes(10));
        using (var account = await client.GetAsync("/en/account"))
        {
            Assert.StartsWith("/en/account/login", account.Headers.Location?.OriginalString);
        }

        using var rightPassword = await app.CreateClient().LogInAsync("learner@example.org");
        Assert.Equal(HttpStatusCode.OK, rightPassword.StatusCode);
    }

    [Fact]
    public async Task Password_posts_on_the_account_pages_are_slowed_down_like_login_posts()
    {
        await using var app = new LearningApp(extraSettings: new Dictionary<string, string?> { ["Learning:AccountPostsPerMinute"] = "3" });
        await app.CreateUserAsync("learner@example.org");
        var client = app.CreateClient();
        await client.LogInSuccessfullyAsync("learner@example.org");
        var form = await client.GetPageAsync("/en/account/password");
        var personalData = await client.GetPageAsync("/en/account/personal-data");

        using var second = await client.SubmitAsync(form, "main form", ("CurrentPassword", "wrong guess number 2"), ("NewPassword", "my second passphrase"));
        using var third = await client.SubmitAsync(personalData, "main form", ("Password", "wrong guess number 3"));
        using var fourth = await client.SubmitAsync(form, "main form", ("CurrentPassword", "wrong guess number 4"), ("NewPassword", "my second passphrase"));
        using var fifth = await client.SubmitAsync(personalData, "main form", ("Password", "wrong guess number 5"));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests],
            [second.StatusCode, third.StatusCode, fourth.StatusCode, fifth.StatusCode]);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_person_downloads_their_data_then_deletes_the_account_and_nothing_else(Db db)
    {
        await using var app = new LearningApp(db);
        var client = app.CreateClient();
        using (await RegistrationTests.Register(client, "leaving@example.org"))
        {
        }

        var link = new Uri((await app.Mail.WaitForAsync("leaving@example.org")).Link("/account/confirm")).PathAndQuery;
        await client.GetPageAsync(link);
        await app.CreateUserAsync("staying@example.org");
        await client.LogInSuccessfullyAsync("leaving@example.org");

        using var json = (await PersonalDataZip.DownloadAsync(client)).Json();
        var profile = json.RootElement.GetProperty("account").GetProperty("profile");
        Assert.Equal("leaving@example.org", profile.GetProperty("Email").GetString());
        Assert.Equal("Mission locale de Saint-Gilles", profile.GetProperty("Organisation").GetString());
        Assert.Contains("Learner", json.RootElement.GetProperty("account").GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.NotEmpty(json.RootElement.GetProperty("account").GetProperty("emails").EnumerateArray());
        Assert.DoesNotContain("PasswordHash", json.RootElement.ToString());

        var personalData = await client.GetPageAsync("/en/account/personal-data");
        var wrong = await client.SubmitAndFollowAsync(personalData, "main form", ("Password", "not my password at all"));
        Assert.Contains("incorrect", wrong.Text("[data-valmsg-for='Password']"));
        using var deleted = await client.SubmitAsync(personalData, "main form", ("Password", LearningApp.Password));
        Assert.Equal("/en/account/deleted", deleted.Headers.Location?.OriginalString);

        var (users, emails) = await app.WithTenantAsync(async sp =>
        {
            var data = sp.GetRequiredService<LearningDbContext>();
            return (await data.Users.Select(u => u.Email).ToListAsync(), await data.OutboxMessages.CountAsync(m => m.To == "leaving@example.org"));
        });
        Assert.DoesNotContain("leaving@example.org", users);
        Assert.Contains("staying@example.org", users);
        Assert.Equal(0, emails);
        using (var account = await client.GetAsync("/en/account"))
        {
            Assert.Equal(HttpStatusCode.Redirect, account.StatusCode);
        }

        using var gone = await app.CreateClient().LogInAsync("leaving@example.org");
        Assert.Equal(HttpStatusCode.OK, gone.StatusCode);
        await app.CreateClient().LogInSuccessfullyAsync("staying@example.org");
    }

    [Fact]
    public async Task The_only_administrator_cannot_delete_their_account()
    {
        await using var app = new LearningApp();
        await app.CreateUserAsync("second-admin@example.org", null, Roles.Administrator);
        // The setup's administrator is the other one; remove them to leave a single administrator.
        await app.WithTenantAsync(async sp =>
        {
            var users = sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<LearningUser>>();
            return await users.DeleteAsync((await users.FindByEmailAsync(LearningApp.AdminEmail))!);
        });
        var client = app.CreateClient();
        await client.LogInSuccessfullyAsync("second-admin@example.org");

        var page = await client.GetPageAsync("/en/account/personal-data");
        var refused = await client.SubmitAndFollowAsync(page, "main form", ("Password", LearningApp.Password));

        Assert.Contains("only administrator", refused.Text(".validation-summary-errors"));
        await app.CreateClient().LogInSuccessfullyAsync("second-admin@example.org");
    }
}
