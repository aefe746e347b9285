using Learning.Modules.Assessment.Contracts;
using Learning.Modules.Core.Tenancy;
using Learning.Modules.Reporting.Dashboard;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Learning.Modules.Reporting.Facts;

/// <summary>Brings every running tenant's facts up to date and prepares the report the dashboard opens on and every bank's item analysis; a tenant that
/// fails is tried again at the next run.</summary>
[DisallowConcurrentExecution]
public sealed class RefreshFactsJob(TenantRegistry registry, IServiceScopeFactory scopes, ILogger<RefreshFactsJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        foreach (var tenant in registry.All.Where(t => t.State == TenantState.Running))
        {
            try
            {
                await using var scope = scopes.CreateTenantScope(tenant);
                var learners = await scope.ServiceProvider.GetRequiredService<FactsRefresh>().RunAsync(cancellationToken);
                // The report the dashboard opens on, ready before anyone asks: the heavy counting happens here.
                await scope.ServiceProvider.GetRequiredService<ImpactDashboard>().PrepareDefaultAsync(cancellationToken);
                var analyses = scope.ServiceProvider.GetRequiredService<BankAnalyses>();
                foreach (var bank in await scope.ServiceProvider.GetRequiredService<TestResults>().BanksAsync(cancellationToken))
                {
                    await analyses.PreparedAsync(bank, allAttempts: false, cancellationToken);
                    await analyses.PreparedAsync(bank, allAttempts: true, cancellationToken);
                }

                logger.LogDebug("Reporting facts of {Tenant}: {Learners} learners refreshed.", tenant.Name, learners);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "The reporting facts of {Tenant} could not be refreshed.", tenant.Name);
            }
        }
    }
}
