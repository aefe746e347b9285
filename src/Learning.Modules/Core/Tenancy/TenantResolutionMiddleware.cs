using Microsoft.AspNetCore.Http;

namespace Learning.Modules.Core.Tenancy;

/// <summary>
/// Finds the request's tenant from its host name or first path segment, moves a matched prefix
/// into PathBase (so every link the tenant's pages build keeps it), and answers 404 for unknown
/// tenants and 503 for disabled ones.
/// </summary>
public sealed class TenantResolutionMiddleware(RequestDelegate next, TenantRegistry registry)
{
    public async Task InvokeAsync(HttpContext context, TenantContext tenantContext)
    {
        // Error pages re-execute the pipeline: the tenant found the first time stays.
        var resolved = context.Features.Get<ResolvedTenantFeature>();
        if (resolved is null)
        {
            var path = context.Request.Path.Value ?? "/";
            var firstSegment = path.Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
            var (tenant, prefix) = registry.Resolve(context.Request.Host.Host, firstSegment);
            if (tenant is null)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            if (prefix is not null)
            {
                context.Request.PathBase = context.Request.PathBase.Add("/" + prefix);
                context.Request.Path = new PathString(path[(prefix.Length + 1)..] is { Length: > 0 } rest ? rest : "/");
            }

            resolved = new ResolvedTenantFeature(tenant);
            context.Features.Set(resolved);
        }

        tenantContext.Tenant = resolved.Tenant;
        if (resolved.Tenant.State == TenantState.Disabled)
        {
            // Whatever was asked, a disabled tenant shows only the localized "unavailable" page.
            context.Request.Path = "/error/503";
            context.Request.Method = HttpMethods.Get;
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        }

        await next(context);
    }
}

/// <summary>Marks a request whose tenant is already known.</summary>
public sealed record ResolvedTenantFeature(Tenant Tenant);
