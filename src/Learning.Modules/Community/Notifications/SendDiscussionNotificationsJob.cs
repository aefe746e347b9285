using Learning.Modules.Core.Jobs;
using Learning.Modules.Core.Tenancy;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Learning.Modules.Community.Notifications;

/// <summary>Queues the discussion e-mails due in a tenant (<see cref="DiscussionNotifier"/>); the outbox job sends them.</summary>
public sealed class SendDiscussionNotificationsJob(ILogger<SendDiscussionNotificationsJob> logger) : ITenantJob
{
    public async Task RunAsync(Tenant tenant, IServiceProvider services, CancellationToken cancellationToken)
    {
        var sent = await services.GetRequiredService<DiscussionNotifier>().SendDueAsync(cancellationToken);
        if (sent > 0)
        {
            logger.LogInformation("{Count} discussion e-mails queued for tenant {Tenant}.", sent, tenant.Name);
        }
    }
}
