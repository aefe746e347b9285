using System.Net;
using Learning.Modules.Accounts;
using Learning.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Learning.Tests.Accounts;

public sealed class LoginTests
{
    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one(Db db)
    {
        await using var app = new LearningApp(db);
        await app.CreateUserAsync("learner@example.org");
        var client = app.CreateClient();

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            using var wrong = await client.LogInAsync("learner@example.org", "not the password at all");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        using var right = await client.LogInAsync("learner@example.org");
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("locked", (await Browser.ParseAsync(right)).Text(".validation-summary-errors"));
        var lockedUntil = await app.WithTenantAsync(async sp =>
            (await sp.GetRequiredService<UserManager<LearningUser>>().FindByEmailAsync("learner@example.org"))!.LockoutEnd);
        Assert.True(lockedUntil > DateTimeOffset.UtcNow.AddMinutes(10));
    }

    [Fact]
    public async Task A_wrong_password_says_so_without_telling_whether_the_address_exists()
    {
        await using var app = new LearningApp();
        await app.CreateUserAsync("known@example.org");
        var client = app.CreateClient();

        using var wrongPassword = await client.LogInAsync("known@example.org", "not the password at all");
        using var unknownAddress = await client.LogInAsync("unknown@example.org");

        Assert.Equal(
            (await Browser.ParseAsync(wrongPassword)).Text(".validation-summary-errors"),
            (await Browser.ParseAsync(unknownAddress)).Text(".validation-summary-errors"));
    }

    [Fact]
    public async Task Logging_in_returns_to_the_page_that_asked_for_it_but_never_to_another_site()
    {
        await using var app = new LearningApp();
        await app.CreateUserAsync("learner@example.org");
        var client = app.CreateClient();

        using var challenge = await client.GetAsync("/it/account/password");
        Assert.Equal("/it/account/login?returnUrl=%2Fit%2Faccount%2Fpassword", challenge.Headers.Location?.OriginalString);
        var page = await client.GetPageAsync(challenge.Headers.Location!.OriginalString);
        using var local = await client.SubmitAsync(page, "main form", ("Email", "learner@example.org"), ("Password", LearningApp.Password));
        Assert.Equal("/it/account/password", local.Headers.Location?.OriginalString);

        var other = app.CreateClient();
        var offsite = await other.GetPageAsync("/en/account/login?returnUrl=https%3A%2F%2Fevil.example%2F");
        using var refused = await other.SubmitAsync(offsite, "main form", ("Email", "learner@example.org"), ("Password", LearningApp.Password));
        Assert.Equal("/en/", refused.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_form_posted_without_its_anti_forgery_token_is_rejected()
    {
        await using var app = new LearningApp();
        await app.CreateUserAsync("learner@example.org");
        var client = app.CreateClient();
        await client.GetPageAsync("/en/account/login");

        using var response = await client.PostAsync("/en/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = "learner@example.org",
            ["Password"] = LearningApp.Password,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task Repeated_login_posts_from_one_client_are_slowed_down()
    {
        await using var app = new LearningApp(extraSettings: new Dictionary<string, string?> { ["Learning:AccountPostsPerMinute"] = "3" });
        var client = app.CreateClient();
        var page = await client.GetPageAsync("/en/account/login");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await client.SubmitAsync(page, "main form", ("Email", "someone@example.org"), ("Password", "guess number " + i));
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/en/account/login")).StatusCode);
    }
}
