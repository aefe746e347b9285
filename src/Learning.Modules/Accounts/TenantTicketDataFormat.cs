using Learning.Modules.Core.Tenancy;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Learning.Modules.Accounts;

/// <summary>Protects the sign-in cookie with a purpose of its tenant: one tenant cannot read, so cannot
/// accept, another tenant's session, whatever its cookie is called and whatever claims it carries.</summary>
public sealed class TenantTicketDataFormat(IDataProtectionProvider provider, IHttpContextAccessor http) : ISecureDataFormat<AuthenticationTicket>
{
    private const string Purpose = "Learning.Accounts.SignInCookie";

    public string Protect(AuthenticationTicket data) => ForTenant().Protect(data);

    public string Protect(AuthenticationTicket data, string? purpose) => ForTenant().Protect(data, purpose);

    public AuthenticationTicket? Unprotect(string? protectedText) => ForTenant().Unprotect(protectedText);

    public AuthenticationTicket? Unprotect(string? protectedText, string? purpose) => ForTenant().Unprotect(protectedText, purpose);

    private TicketDataFormat ForTenant()
    {
        var context = http.HttpContext ?? throw new InvalidOperationException("The sign-in cookie is read and written within a request.");
        var tenant = context.RequestServices.GetRequiredService<TenantContext>().Tenant;
        return new TicketDataFormat(provider.CreateProtector(Purpose, tenant.Name));
    }
}
