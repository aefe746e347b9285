using System.Net;
using Learning.Modules.Accounts;
using Learning.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Learning.Tests.Accounts;

/// <summary>Whoever types an address learns nothing about whether it has an account: the same answer
/// (status and everything visible), after the same work (password hashes), in every case.</summary>
public sealed class AccountEnumerationTests
{
    [Fact]
    public async Task A_refused_password_at_registration_answers_the_same_for_a_known_and_a_new_address()
    {
        await using var app = new LearningApp();
        await app.CreateUserAsync("known@example.org");
        var client = app.CreateClient();

        var known = await RegisterWithPassword(client, "known@example.org", "abc");
        var unknown = await RegisterWithPassword(client, "new@example.org", "abc");

        Assert.Equal(HttpStatusCode.OK, unknown.Status);
        Assert.Contains("at least 10 characters", unknown.Text);
        Assert.Equal(unknown, known);
    }

    [Fact]
    public async Task Registering_a_known_address_costs_the_same_password_hashing_as_a_new_one()
    {
        var hasher = new CountingPasswordHasher();
        await using var app = new LearningApp { TestServices = s => s.AddSingleton<IPasswordHasher<LearningUser>>(hasher) };
        await app.CreateUserAsync("known@example.org");
        var client = app.CreateClient();

        var before = hasher.Hashes;
        using (var known = await RegistrationTests.Register(client, "known@example.org"))
        {
            Assert.Equal("/en/account/registered", known.Headers.Location?.OriginalString);
        }

        var forKnown = hasher.Hashes - before;
        using (var unknown = await RegistrationTests.Register(client, "new@example.org"))
        {
            Assert.Equal("/en/account/registered", unknown.Headers.Location?.OriginalString);
        }

        Assert.Equal(1, hasher.Hashes - before - forKnown);
        Assert.Equal(1, forKnown);
    }

    [Fact]
    public async Task Login_answers_an_unknown_address_a_wrong_password_an_unconfirmed_and_a_locked_account_alike()
    {
        var hasher = new CountingPasswordHasher();
        await using var app = new LearningApp { TestServices = s => s.AddSingleton<IPasswordHasher<LearningUser>>(hasher) };
        await app.CreateUserAsync("known@example.org");
        await app.CreateUserAsync("unconfirmed@example.org");
        await app.CreateUserAsync("locked@example.org");
        await app.WithTenantAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<LearningUser>>();
            var unconfirmed = (await users.FindByEmailAsync("unconfirmed@example.org"))!;
            unconfirmed.EmailConfirmed = false;
            await users.UpdateAsync(unconfirmed);
            return await users.SetLockoutEndDateAsync((await users.FindByEmailAsync("locked@example.org"))!, DateTimeOffset.UtcNow.AddMinutes(15));
        });
        var client = app.CreateClient();

        var unknown = await LogIn(client, hasher, "nobody@example.org", LearningApp.Password);
        var wrongPassword = await LogIn(client, hasher, "known@example.org", "not the password at all");
        var unconfirmed = await LogIn(client, hasher, "unconfirmed@example.org", "not the password at all");
        var lockedRightPassword = await LogIn(client, hasher, "locked@example.org", LearningApp.Password);
        var lockedWrongPassword = await LogIn(client, hasher, "locked@example.org", "not the password at all");

        Assert.Equal(HttpStatusCode.OK, unknown.Answer.Status);
        Assert.Contains("Wrong e-mail address or password", unknown.Answer.Text);
        Assert.All([wrongPassword, unconfirmed, lockedRightPassword, lockedWrongPassword], other => Assert.Equal(unknown, other));
        Assert.Equal(1, unknown.Verifications);
    }

    [Fact]
    public async Task Only_the_right_password_of_an_unconfirmed_account_hears_about_confirmation()
    {
        await using var app = new LearningApp();
        var client = app.CreateClient();
        using (await RegistrationTests.Register(client, "fresh@example.org"))
        {
        }

        var right = await Answer(await client.LogInAsync("fresh@example.org"));
        var wrong = await Answer(await client.LogInAsync("fresh@example.org", "not the password at all"));

        Assert.Contains("confirm your e-mail address", right.Text);
        Assert.DoesNotContain("confirm", wrong.Text);
    }

    private static async Task<(Response Answer, int Verifications)> LogIn(HttpClient client, CountingPasswordHasher hasher, string email, string password)
    {
        var before = hasher.Verifications;
        var answer = await Answer(await client.LogInAsync(email, password));
        return (answer, hasher.Verifications - before);
    }

    private static async Task<Response> RegisterWithPassword(HttpClient client, string email, string password)
    {
        var page = await client.GetPageAsync("/en/account/register");
        return await Answer(await client.SubmitAsync(page, "main form",
            ("Input.Email", email), ("Input.Password", password), ("Input.DisplayName", "Someone"), ("Input.AcceptPrivacyNotice", "true")));
    }

    /// <summary>What the person sees: the status, where it leads, and every word of the page's main part.</summary>
    private static async Task<Response> Answer(HttpResponseMessage response)
    {
        using (response)
        {
            var text = response.StatusCode == HttpStatusCode.OK ? (await Browser.ParseAsync(response)).Text("main") : "";
            return new Response(response.StatusCode, response.Headers.Location?.OriginalString, string.Join(" ", text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));
        }
    }

    private sealed record Response(HttpStatusCode Status, string? Location, string Text);
}
