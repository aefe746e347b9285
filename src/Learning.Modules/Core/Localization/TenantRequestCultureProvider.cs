using Learning.Modules.Core.Tenancy;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.DependencyInjection;

namespace Learning.Modules.Core.Localization;

/// <summary>Plugs <see cref="CultureResolver"/> into ASP.NET Core's request localization.</summary>
public sealed class TenantRequestCultureProvider : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        var tenant = httpContext.RequestServices.GetRequiredService<TenantContext>().Tenant;
        return Task.FromResult<ProviderCultureResult?>(new ProviderCultureResult(CultureResolver.Resolve(httpContext, tenant)));
    }
}
