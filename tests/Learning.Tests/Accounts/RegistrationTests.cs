using System.Globalization;
using System.Net;
using Learning.Modules.Accounts;
using Learning.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Learning.Tests.Accounts;

public sealed class RegistrationTests
{
    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_person_registers_confirms_from_the_email_in_their_language_logs_in_and_out(Db db)
    {
        await using var app = new LearningApp(db);
        var client = app.CreateClient();

        using var registered = await Register(client, "ana@example.org", preferredCulture: "es");
        Assert.Equal("/en/account/registered", registered.Headers.Location?.OriginalString);

        using (var beforeConfirmation = await client.LogInAsync("ana@example.org"))
        {
            var page = await Browser.ParseAsync(beforeConfirmation);
            Assert.Contains("confirm your e-mail address", page.Text(".validation-summary-errors"), StringComparison.OrdinalIgnoreCase);
        }

        var mail = await app.Mail.WaitForAsync("ana@example.org");
        Assert.StartsWith(InCulture(app, "es", "Confirm your e-mail address"), mail.Subject);
        var confirmation = await client.GetPageAsync(new Uri(mail.Link("/account/confirm")).PathAndQuery);
        Assert.Equal("es", confirmation.DocumentElement.GetAttribute("lang"));
        Assert.NotNull(confirmation.QuerySelector(".alert--success"));

        using var loggedIn = await client.LogInAsync("ana@example.org");
        Assert.Equal("/es/", loggedIn.Headers.Location?.OriginalString);
        var home = await client.GetPageAsync("/es/");
        Assert.NotNull(home.QuerySelector("form[action='/es/account/logout']"));

        using var loggedOut = await client.SubmitAsync(home, "form[action='/es/account/logout']");
        Assert.Equal(HttpStatusCode.Redirect, loggedOut.StatusCode);
        using var account = await client.GetAsync("/es/account");
        Assert.StartsWith("/es/account/login", account.Headers.Location?.OriginalString);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Registering_an_address_that_has_an_account_answers_the_same_and_tells_its_owner(Db db)
    {
        await using var app = new LearningApp(db);
        await app.CreateUserAsync("owner@example.org");
        var client = app.CreateClient();

        using var response = await Register(client, "owner@example.org");

        Assert.Equal("/en/account/registered", response.Headers.Location?.OriginalString);
        var mail = await app.Mail.WaitForAsync("owner@example.org");
        Assert.StartsWith("You already have an account", mail.Subject);
        Assert.Contains("/account/forgot-password", mail.Text);
    }

    [Fact]
    public async Task The_confirmation_email_greets_neutrally_without_quoting_the_name_typed_at_registration()
    {
        await using var app = new LearningApp();
        var client = app.CreateClient();
        var page = await client.GetPageAsync("/en/account/register");
        using (await client.SubmitAsync(page, "main form",
                   ("Input.Email", "target@example.org"), ("Input.Password", LearningApp.Password),
                   ("Input.DisplayName", "Your bank account is closed call 555 0100"), ("Input.AcceptPrivacyNotice", "true")))
        {
        }

        var mail = await app.Mail.WaitForAsync("target@example.org", "Confirm your e-mail address");

        Assert.StartsWith("Hello,", mail.Text.TrimStart());
        Assert.DoesNotContain("bank", mail.Text);
        Assert.DoesNotContain("555", mail.Text);
    }

    [Fact]
    public async Task Registration_without_accepting_the_privacy_notice_is_refused_and_creates_nothing()
    {
        await using var app = new LearningApp();
        var client = app.CreateClient();

        using var response = await Register(client, "late@example.org", acceptPrivacy: false);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Browser.ParseAsync(response);
        Assert.Contains("privacy notice", page.Text("[data-valmsg-for='Input.AcceptPrivacyNotice']"));
        Assert.Null(await app.WithTenantAsync(sp => sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<LearningUser>>().FindByEmailAsync("late@example.org")));
    }

    [Fact]
    public async Task A_short_password_is_refused_with_its_rule_in_the_readers_language()
    {
        await using var app = new LearningApp();
        var client = app.CreateClient();
        var page = await client.GetPageAsync("/fr/account/register");

        using var response = await client.SubmitAsync(page, "main form",
            ("Input.Email", "short@example.org"), ("Input.Password", "abc"), ("Input.DisplayName", "Short"), ("Input.AcceptPrivacyNotice", "true"));

        var result = await Browser.ParseAsync(response);
        Assert.Contains(InCulture(app, "fr", "The password must be at least {0} characters long.", 10), result.Text(".validation-summary-errors"));
    }

    [Fact]
    public async Task A_tampered_confirmation_link_confirms_nothing()
    {
        await using var app = new LearningApp();
        var client = app.CreateClient();
        using var _ = await Register(client, "eve@example.org");
        var link = new Uri((await app.Mail.WaitForAsync("eve@example.org")).Link("/account/confirm")).PathAndQuery;

        var page = await client.GetPageAsync(link[..^4] + "AAAA");

        Assert.NotNull(page.QuerySelector(".alert--error"));
        using var login = await client.LogInAsync("eve@example.org");
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
    }

    [Fact]
    public async Task Asking_again_for_the_confirmation_sends_a_new_link_that_confirms_the_account()
    {
        await using var app = new LearningApp();
        var client = app.CreateClient();
        using (await Register(client, "slow@example.org"))
        {
        }

        await app.Mail.WaitForAsync("slow@example.org", "Confirm your e-mail address");
        var form = await client.GetPageAsync("/en/account/resend-confirmation");
        var sent = await client.SubmitAndFollowAsync(form, "main form", ("Email", "slow@example.org"));

        Assert.Contains("a new e-mail is on its way", sent.Text(".alert--success"));
        var again = await app.Mail.WaitForAsync("slow@example.org", "Confirm your e-mail address", skip: 1);
        var confirmed = await client.GetPageAsync(new Uri(again.Link("/account/confirm")).PathAndQuery);
        Assert.NotNull(confirmed.QuerySelector(".alert--success"));
        await client.LogInSuccessfullyAsync("slow@example.org");
    }

    [Fact]
    public async Task Asking_again_for_a_confirmed_or_unknown_address_answers_the_same_and_sends_nothing()
    {
        await using var app = new LearningApp();
        await app.CreateUserAsync("confirmed@example.org");
        var client = app.CreateClient();
        var form = await client.GetPageAsync("/en/account/resend-confirmation");

        var confirmed = await client.SubmitAndFollowAsync(form, "main form", ("Email", "confirmed@example.org"));
        var unknown = await client.SubmitAndFollowAsync(form, "main form", ("Email", "nobody@example.org"));
        var invalid = await client.SubmitAndFollowAsync(form, "main form", ("Email", "not an address"));

        Assert.Equal(confirmed.Text(".alert--success"), unknown.Text(".alert--success"));
        Assert.Null(invalid.QuerySelector(".alert--success"));
        Assert.Contains("valid e-mail address", invalid.Text("[data-valmsg-for='Email']"));
        await Task.Delay(2500); // more than two runs of the outbox job
        Assert.Empty(app.Mail.All());
    }

    internal static async Task<HttpResponseMessage> Register(HttpClient client, string email, string preferredCulture = "en", bool acceptPrivacy = true)
    {
        var page = await client.GetPageAsync("/en/account/register");
        return await client.SubmitAsync(page, "main form",
            ("Input.Email", email),
            ("Input.Password", LearningApp.Password),
            ("Input.DisplayName", "Ana Martín"),
            ("Input.NewStructureName", "Mission locale de Saint-Gilles"),
            ("Input.NewStructureType", "youth-mission"),
            ("Input.NewStructureMunicipality", "Saint-Gilles"),
            ("Input.NewStructureCountry", "BE"),
            ("Input.Country", "Belgium"),
            ("Input.Profession", "Job counsellor"),
            ("Input.PreferredCulture", preferredCulture),
            ("Input.AcceptPrivacyNotice", acceptPrivacy ? "true" : "false"));
    }

    internal static string InCulture(LearningApp app, string culture, string key, params object[] arguments)
    {
        var strings = app.Services.GetRequiredService<IStringLocalizer<AccountsStrings>>();
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try
        {
            return strings[key, arguments];
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
