using Learning.Modules.Core.Tenancy;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Learning.Modules.Data;

/// <summary>Reports the tenant registry and whether each running tenant's database answers.</summary>
public sealed class TenantDatabasesHealthCheck(TenantRegistry registry, TenantDatabases databases) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object>();
        var unreachable = new List<string>();
        foreach (var tenant in registry.All)
        {
            if (tenant.State != TenantState.Running)
            {
                data[tenant.Name] = "disabled";
                continue;
            }

            await using var db = databases.Open(tenant);
            var reachable = await db.Database.CanConnectAsync(cancellationToken);
            data[tenant.Name] = reachable ? "ok" : "unreachable";
            if (!reachable)
            {
                unreachable.Add(tenant.Name);
            }
        }

        if (registry.Default is null)
        {
            return HealthCheckResult.Unhealthy("The tenant registry has no default tenant.", data: data);
        }

        return unreachable.Count == 0
            ? HealthCheckResult.Healthy($"{registry.All.Count} tenant(s)", data)
            : HealthCheckResult.Unhealthy($"Database unreachable: {string.Join(", ", unreachable)}", data: data);
    }
}
