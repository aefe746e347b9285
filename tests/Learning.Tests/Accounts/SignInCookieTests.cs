using System.Net;
using System.Security.Claims;
using Learning.Modules.Accounts;
using Learning.Modules.Core.Tenancy;
using Learning.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Learning.Tests.Accounts;

public sealed class SignInCookieTests
{
    [Fact]
    public async Task A_sign_in_cookie_protected_for_one_tenant_cannot_be_opened_by_another_whatever_it_claims()
    {
        await using var app = new LearningApp();
        var format = app.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme).TicketDataFormat;
        var defaultTenant = app.Services.GetRequiredService<TenantRegistry>().Default!;
        var south = defaultTenant with { Name = "south", UrlPrefix = "south" };
        // A ticket claiming the south tenant, so that only the protection can tell them apart.
        var ticket = new AuthenticationTicket(
            new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "someone"), new Claim("tenant", "south")], IdentityConstants.ApplicationScheme)),
            IdentityConstants.ApplicationScheme);

        var cookie = await InRequestOf(app, defaultTenant, () => format.Protect(ticket));

        Assert.NotNull(await InRequestOf(app, defaultTenant, () => format.Unprotect(cookie)));
        Assert.Null(await InRequestOf(app, south, () => format.Unprotect(cookie)));
        Assert.NotNull(await InRequestOf(app, south, () => format.Unprotect(format.Protect(ticket))));
    }

    [Fact]
    public async Task A_session_is_checked_against_the_account_once_a_minute_has_passed_since_its_cookie_was_issued()
    {
        var clock = new MovableClock();
        await using var app = new LearningApp { TestServices = s => s.AddSingleton<TimeProvider>(clock) };
        await app.CreateUserAsync("learner@example.org");
        var client = app.CreateClient();
        await client.LogInSuccessfullyAsync("learner@example.org");
        // What locking, a new password or new roles do: the account's security stamp changes.
        await app.WithTenantAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<LearningUser>>();
            return await users.UpdateSecurityStampAsync((await users.FindByEmailAsync("learner@example.org"))!);
        });

        using (var withinTheMinute = await client.GetAsync("/en/account"))
        {
            Assert.Equal(HttpStatusCode.OK, withinTheMinute.StatusCode);
        }

        clock.Advance(TimeSpan.FromSeconds(61));
        using var afterTheMinute = await client.GetAsync("/en/account");
        Assert.StartsWith("/en/account/login", afterTheMinute.Headers.Location?.OriginalString);
    }

    private static async Task<T> InRequestOf<T>(LearningApp app, Tenant tenant, Func<T> action)
    {
        await using var scope = app.Services.GetRequiredService<IServiceScopeFactory>().CreateTenantScope(tenant);
        var accessor = app.Services.GetRequiredService<IHttpContextAccessor>();
        accessor.HttpContext = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        try
        {
            return action();
        }
        finally
        {
            accessor.HttpContext = null;
        }
    }
}
