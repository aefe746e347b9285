using Learning.Modules.Core.Tenancy;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Learning.Modules.Core.Localization;

/// <summary>The <c>{culture:culture}</c> route segment: one of the cultures the tenant has enabled.</summary>
public sealed class CultureRouteConstraint : IRouteConstraint
{
    public const string Name = "culture";

    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection)
    {
        if (!values.TryGetValue(routeKey, out var value) || value is not string culture)
        {
            return false;
        }

        return httpContext?.RequestServices.GetService<TenantContext>() is { HasTenant: true } tenantContext
            ? tenantContext.Tenant.Supports(culture)
            : Cultures.IsSupported(culture);
    }
}
