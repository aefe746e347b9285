using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Learning.Modules.Core.Tenancy;

/// <summary>Writes the tenant into every form's anti-forgery token and refuses a token issued by another
/// tenant: tenants share the host's anti-forgery cookie, not their forms.</summary>
public sealed class TenantAntiforgeryData : IAntiforgeryAdditionalDataProvider
{
    public string GetAdditionalData(HttpContext context) => Tenant(context);

    public bool ValidateAdditionalData(HttpContext context, string additionalData) => additionalData == Tenant(context);

    private static string Tenant(HttpContext context) =>
        context.RequestServices.GetRequiredService<TenantContext>() is { HasTenant: true } tenantContext ? tenantContext.Tenant.Name : "";
}
