using Learning.Modules.Assessment.Contracts;
using Learning.Modules.Core.Jobs;
using Learning.Modules.Core.Tenancy;
using Learning.Modules.Reporting.Dashboard;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Learning.Modules.Reporting.Facts;

/// <summary>Brings a tenant's facts up to date and prepares the report the dashboard opens on and every bank's item analysis.</summary>
public sealed class RefreshFactsJob(ILogger<RefreshFactsJob> logger) : ITenantJob
{
    public async Task RunAsync(Tenant tenant, IServiceProvider services, CancellationToken cancellationToken)
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
    }
}
