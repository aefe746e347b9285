using Learning.Modules.Core.Tenancy;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Learning.Modules.Community.Notifications;

/// <summary>Queues the discussion e-mails due in every running tenant (<see cref="DiscussionNotifier"/>); the outbox job sends them.</summary>
[DisallowConcurrentExecution]
public sealed class SendDiscussionNotificationsJob(TenantRegistry registry, IServiceScopeFactory scopes, ILogger<SendDiscussionNotificationsJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await scopes.ForEachRunningTenantAsync(registry, logger, "Discussion notifications", async (tenant, services) =>
        {
            var sent = await services.GetRequiredService<DiscussionNotifier>().SendDueAsync(cancellationToken);
            if (sent > 0)
            {
                logger.LogInformation("{Count} discussion e-mails queued for tenant {Tenant}.", sent, tenant.Name);
            }
        }, cancellationToken);
    }
}
