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
        foreach (var tenant in registry.All.Where(t => t.State == TenantState.Running))
        {
            try
            {
                await using var scope = scopes.CreateTenantScope(tenant);
                var sent = await scope.ServiceProvider.GetRequiredService<DiscussionNotifier>().SendDueAsync(cancellationToken);
                if (sent > 0)
                {
                    logger.LogInformation("{Count} discussion e-mails queued for tenant {Tenant}.", sent, tenant.Name);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // One tenant's failure does not keep the others' followers from their e-mails.
                logger.LogError(exception, "Discussion notifications failed for tenant {Tenant}.", tenant.Name);
            }
        }
    }
}
