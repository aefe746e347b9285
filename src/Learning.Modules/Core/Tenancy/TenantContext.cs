using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

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

    /// <summary>
    /// Runs a job's <paramref name="work"/> in a scope of each running tenant, one after the other. A tenant that fails
    /// (its database unreachable) is logged as "<paramref name="what"/> failed for tenant …", and the others go on.
    /// </summary>
    public static async Task ForEachRunningTenantAsync(this IServiceScopeFactory scopes, TenantRegistry registry, ILogger logger, string what,
        Func<Tenant, IServiceProvider, Task> work, CancellationToken cancellationToken)
    {
        foreach (var tenant in registry.All.Where(t => t.State == TenantState.Running))
        {
            try
            {
                await using var scope = scopes.CreateTenantScope(tenant);
                await work(tenant, scope.ServiceProvider);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogError(exception, "{What} failed for tenant {Tenant}.", what, tenant.Name);
            }
        }
    }
}
