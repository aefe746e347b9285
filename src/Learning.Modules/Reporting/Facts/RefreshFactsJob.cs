using Learning.Modules.Assessment.Contracts;
using Learning.Modules.Core.Tenancy;
using Learning.Modules.Reporting.Dashboard;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Learning.Modules.Reporting.Facts;

/// <summary>Brings every running tenant's facts up to date and prepares the report the dashboard opens on and every bank's item analysis; a tenant that
/// fails is logged and tried again at the next run.</summary>
[DisallowConcurrentExecution]
public sealed class RefreshFactsJob(TenantRegistry registry, IServiceScopeFactory scopes, ILogger<RefreshFactsJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await scopes.ForEachRunningTenantAsync(registry, logger, "The reporting facts' refresh", async (tenant, services) =>
        {
            var learners = await services.GetRequiredService<FactsRefresh>().RunAsync(cancellationToken);
            // The report the dashboard opens on, ready before anyone asks: the heavy counting happens here.
            await services.GetRequiredService<ImpactDashboard>().PrepareDefaultAsync(cancellationToken);
            var analyses = services.GetRequiredService<BankAnalyses>();
            foreach (var bank in await services.GetRequiredService<TestResults>().BanksAsync(cancellationToken))
            {
                await analyses.PreparedAsync(bank, allAttempts: false, cancellationToken);
                await analyses.PreparedAsync(bank, allAttempts: true, cancellationToken);
            }

            logger.LogDebug("Reporting facts of {Tenant}: {Learners} learners refreshed.", tenant.Name, learners);
        }, cancellationToken);
    }
}
