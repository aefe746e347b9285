using Learning.Modules.Core;
using Learning.Modules.Core.Security;
using Learning.Modules.Core.Tenancy;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Learning.Modules.Data;

/// <summary>The tenant's database: one DbContext per request, opened on the current tenant's database.</summary>
public sealed class DataModule : ILearningModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<TenantDatabases>();
        services.AddScoped(sp => sp.GetRequiredService<TenantDatabases>().Open(sp.GetRequiredService<TenantContext>().Tenant));
        services.AddSingleton<ITenantSetupStep, SchemaSetupStep>();
        services.AddHealthChecks().AddCheck<TenantDatabasesHealthCheck>("tenant-databases", tags: [HealthDetailsAccess.DetailsTag]);
    }
}
