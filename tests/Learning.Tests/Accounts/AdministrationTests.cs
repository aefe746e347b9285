using System.Net;
using Learning.Modules.Accounts;
using Learning.Modules.Core.Security;
using Learning.Tests.Infrastructure;

namespace Learning.Tests.Accounts;

public sealed class AdministrationTests
{
    public static TheoryData<string> AdminPages =>
    [
        "/en/admin/users",
        "/en/admin/users/some-id",
        "/en/admin/structures",
        "/en/admin/structures/1",
        "/en/admin/tenants",
        "/en/admin/tenants/new",
        "/en/admin/tenants/default",
        "/en/admin/certificates",
        "/en/admin/attempts",
    ];

    [Theory]
    [MemberData(nameof(AdminPages))]
    public async Task Anonymous_visitors_are_sent_to_log_in_and_learners_and_editors_are_refused(string path)
    {
        await using var app = new LearningApp();
        await app.CreateUserAsync("learner@example.org");
        await app.CreateUserAsync("editor@example.org", null, Roles.Editor);

        using var anonymous = await app.CreateClient().GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/en/account/login?returnUrl=", anonymous.Headers.Location?.OriginalString);

        foreach (var email in new[] { "learner@example.org", "editor@example.org" })
        {
            var client = app.CreateClient();
            await client.LogInSuccessfullyAsync(email);
            using var refused = await client.GetAsync(path);
            Assert.StartsWith("/en/account/access-denied", refused.Headers.Location?.OriginalString);
            using var post = await client.PostAsync(path, new FormUrlEncodedContent([]));
            Assert.NotEqual(HttpStatusCode.OK, post.StatusCode);
        }
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task An_administrator_finds_a_person_changes_roles_and_locks_then_unlocks_the_account(Db db)
    {
        await using var app = new LearningApp(db);
        var person = await app.CreateUserAsync("marta.editor@example.org");
        await app.CreateUserAsync("someone.else@example.org");
        var admin = await LogInAsAdministrator(app);

        var list = await admin.GetPageAsync("/en/admin/users?q=MARTA");
        var rows = list.QuerySelectorAll("tbody tr");
        Assert.Single(rows);
        Assert.Contains("marta.editor@example.org", rows[0].TextContent);

        var detail = await admin.GetPageAsync($"/en/admin/users/{person.Id}");
        var saved = await admin.SubmitAndFollowAsync(detail, "form[action*='handler=Roles']", ("SelectedRoles", Roles.Editor));
        Assert.Contains("saved", saved.Text(".alert--success"));
        Assert.True(saved.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>($"input[value='{Roles.Editor}']")!.IsChecked);
        Assert.False(saved.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>($"input[value='{Roles.Learner}']")!.IsChecked);

        await admin.SubmitAndFollowAsync(saved, "form[action*='handler=Lock']");
        using (var locked = await app.CreateClient().LogInAsync("marta.editor@example.org"))
        {
            Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        }

        var lockedPage = await admin.GetPageAsync($"/en/admin/users/{person.Id}");
        await admin.SubmitAndFollowAsync(lockedPage, "form[action*='handler=Unlock']");
        await app.CreateClient().LogInSuccessfullyAsync("marta.editor@example.org");
    }

    [Fact]
    public async Task An_administrator_cannot_remove_their_own_administrator_role()
    {
        await using var app = new LearningApp();
        var self = await app.CreateUserAsync("boss@example.org", null, Roles.Administrator);
        var admin = app.CreateClient();
        await admin.LogInSuccessfullyAsync("boss@example.org");

        var detail = await admin.GetPageAsync($"/en/admin/users/{self.Id}");
        var refused = await admin.SubmitAndFollowAsync(detail, "form[action*='handler=Roles']", ("SelectedRoles", Roles.Learner));

        Assert.Contains("own administrator role", refused.Text(".validation-summary-errors"));
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/en/admin/users")).StatusCode);
    }

    [Fact]
    public async Task The_user_list_is_paged_25_at_a_time()
    {
        await using var app = new LearningApp();
        for (var i = 0; i < 30; i++)
        {
            await app.CreateUserAsync($"learner{i:00}@example.org");
        }

        var admin = await LogInAsAdministrator(app);
        var first = await admin.GetPageAsync("/en/admin/users?q=learner");
        var second = await admin.GetPageAsync(first.QuerySelector<AngleSharp.Html.Dom.IHtmlAnchorElement>(".pager a")!.Href);

        Assert.Equal(25, first.QuerySelectorAll("tbody tr").Length);
        Assert.Equal(5, second.QuerySelectorAll("tbody tr").Length);
        Assert.Contains("learner29@example.org", second.Text("tbody"));
        Assert.DoesNotContain("learner29@example.org", first.Text("tbody"));
    }

    [Fact]
    public async Task An_unknown_user_id_is_not_found()
    {
        await using var app = new LearningApp();
        var admin = await LogInAsAdministrator(app);

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/en/admin/users/does-not-exist")).StatusCode);
    }

    internal static async Task<HttpClient> LogInAsAdministrator(LearningApp app, string? tenant = null, string basePath = "/en")
    {
        var email = $"admin-{Guid.NewGuid():n}@example.org";
        await app.CreateUserAsync(email, tenant, Roles.Administrator);
        var client = app.CreateClient();
        await client.LogInSuccessfullyAsync(email, basePath: basePath);
        return client;
    }
}
