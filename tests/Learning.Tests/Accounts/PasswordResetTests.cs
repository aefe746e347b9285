using System.Net;
using Learning.Tests.Infrastructure;

namespace Learning.Tests.Accounts;

public sealed class PasswordResetTests
{
    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_forgotten_password_is_reset_through_the_emailed_link(Db db)
    {
        await using var app = new LearningApp(db);
        await app.CreateUserAsync("forgetful@example.org");
        var client = app.CreateClient();

        var forgot = await client.GetPageAsync("/en/account/forgot-password");
        var sent = await client.SubmitAndFollowAsync(forgot, "main form", ("Email", "forgetful@example.org"));
        Assert.NotNull(sent.QuerySelector(".alert--success"));

        var mail = await app.Mail.WaitForAsync("forgetful@example.org");
        var reset = await client.GetPageAsync(new Uri(mail.Link("/account/reset-password")).PathAndQuery);
        var done = await client.SubmitAndFollowAsync(reset, "main form", ("Password", "a brand new passphrase"));
        Assert.NotNull(done.QuerySelector(".alert--success"));

        using var oldPassword = await client.LogInAsync("forgetful@example.org");
        Assert.Equal(HttpStatusCode.OK, oldPassword.StatusCode);
        await client.LogInSuccessfullyAsync("forgetful@example.org", "a brand new passphrase");
    }

    [Fact]
    public async Task A_reset_link_works_once_and_a_forged_one_never()
    {
        await using var app = new LearningApp();
        await app.CreateUserAsync("forgetful@example.org");
        var client = app.CreateClient();
        var forgot = await client.GetPageAsync("/en/account/forgot-password");
        await client.SubmitAndFollowAsync(forgot, "main form", ("Email", "forgetful@example.org"));
        var link = new Uri((await app.Mail.WaitForAsync("forgetful@example.org")).Link("/account/reset-password")).PathAndQuery;

        var forged = await client.GetPageAsync(link[..^6] + "AAAAAA");
        var refused = await client.SubmitAndFollowAsync(forged, "main form", ("Password", "an attacker's passphrase"));
        Assert.NotNull(refused.QuerySelector(".validation-summary-errors li"));

        var first = await client.SubmitAndFollowAsync(await client.GetPageAsync(link), "main form", ("Password", "a brand new passphrase"));
        Assert.NotNull(first.QuerySelector(".alert--success"));
        var again = await client.SubmitAndFollowAsync(await client.GetPageAsync(link), "main form", ("Password", "yet another passphrase"));
        Assert.Null(again.QuerySelector(".alert--success"));
        await client.LogInSuccessfullyAsync("forgetful@example.org", "a brand new passphrase");
    }

    [Fact]
    public async Task Asking_a_reset_for_an_unknown_address_answers_the_same_and_sends_nothing()
    {
        await using var app = new LearningApp();
        var client = app.CreateClient();
        var forgot = await client.GetPageAsync("/en/account/forgot-password");

        var sent = await client.SubmitAndFollowAsync(forgot, "main form", ("Email", "nobody@example.org"));

        Assert.NotNull(sent.QuerySelector(".alert--success"));
        await Task.Delay(2500); // more than two runs of the outbox job
        Assert.Empty(app.Mail.All());
    }
}
