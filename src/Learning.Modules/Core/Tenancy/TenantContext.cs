using Microsoft.Extensions.DependencyInjection;

namespace Learning.Modules.Core.Tenancy;

/// <summary>The tenant of the current request or job, set once per scope by the tenant middleware or the job.</summary>
public sealed class TenantContext
{
    private Tenant? tenant;

    public Tenant Tenant
    {
        get => tenant ?? throw new InvalidOperationException("No tenant was resolved for this scope.");
        set => tenant = tenant is null || tenant.Name == value.Name
            ? value
            : throw new InvalidOperationException("A scope cannot change tenant.");
    }

    public bool HasTenant => tenant is not null;
}

public static class TenantScopes
{
    /// <summary>A service scope working for <paramref name="tenant"/>, for jobs and setup that run outside a request.</summary>
    public static AsyncServiceScope CreateTenantScope(this IServiceScopeFactory scopes, Tenant tenant)
    {
        var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Tenant = tenant;
        return scope;
    }
}
