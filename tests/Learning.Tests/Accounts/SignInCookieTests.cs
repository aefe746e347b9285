using System.Security.Claims;
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
